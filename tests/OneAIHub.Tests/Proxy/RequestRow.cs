namespace OneAIHub.Tests.Proxy;

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
public sealed record RequestRow
{
    public string id { get; init; } = "";
    public string request_id { get; init; } = "";
    public string user_id { get; init; } = "";
    public string? api_key_id { get; init; }
    public string? model_id { get; init; }
    public string model_name { get; init; } = "";
    public string endpoint { get; init; } = "";
    public int input_tokens { get; init; }
    public int output_tokens { get; init; }
    public decimal input_cost { get; init; }
    public decimal output_cost { get; init; }
    public decimal total_cost { get; init; }
    public int status_code { get; init; }
    public string? error_type { get; init; }
    public int latency_ms { get; init; }
    public bool streamed { get; init; }
    public DateTime created_at { get; init; }
}
#pragma warning restore IDE1006
