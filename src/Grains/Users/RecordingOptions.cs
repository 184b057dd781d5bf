namespace OneAIHub.Grains.Users;

public sealed class RecordingOptions
{
    public const string Section = "Recording";

    /// <summary>
    /// How often a user's finished requests (rows, balance, spend) are written to MySQL in one
    /// transaction. A silo crash loses none of them: the WebApi keeps each settlement until the
    /// grain confirms the flush, and settles again what a dead activation took with it.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A reservation whose request never settled (its WebApi died) is released after this.</summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Output tokens reserved when neither the request nor the model names a cap.</summary>
    public int DefaultOutputReservation { get; set; } = 4096;
}
