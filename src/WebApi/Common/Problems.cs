using Microsoft.AspNetCore.Http.HttpResults;

namespace OneAIHub.WebApi.Common;

/// <summary>RFC 7807 answers with a clear title and detail, as every /api error has.</summary>
public static class Problems
{
    public static ValidationProblem Validation(Validator validator) =>
        TypedResults.ValidationProblem(validator.Errors, title: "The request has invalid fields.");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Validator().Add(field, message));

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static ProblemHttpResult BadGateway(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status502BadGateway, title: "Upstream error");

    public static ProblemHttpResult ServiceUnavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
}
