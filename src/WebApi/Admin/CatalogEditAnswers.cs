using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>Turns a catalog edit's outcome into the HTTP answer every admin catalog endpoint gives.</summary>
public static class CatalogEditAnswers
{
    /// <summary>
    /// On success, brings this process's catalog copy up to the edit (the grain has already refreshed
    /// the catalog) and answers with <paramref name="onDone"/>; otherwise the matching problem.
    /// </summary>
    public static async Task<Results<TDone, ValidationProblem, ProblemHttpResult>> AnswerAsync<T, TDone>(
        CatalogEdit<T> edit, CatalogCache catalog, Func<CatalogIndex, T, TDone> onDone)
        where T : class
        where TDone : IResult
    {
        if (edit.Outcome == CatalogEditOutcome.Done) await catalog.RefreshNowAsync();
        return edit.Outcome switch
        {
            CatalogEditOutcome.Done => onDone(catalog.Current, edit.Value!),
            CatalogEditOutcome.InvalidReference => Problems.Validation(edit.Field!, edit.Message!),
            CatalogEditOutcome.Conflict => Problems.Conflict(edit.Message!),
            _ => Problems.NotFound(edit.Message!),
        };
    }
}
