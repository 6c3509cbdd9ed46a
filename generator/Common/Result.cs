namespace Colo.Gen.Generator.Common;

/// <summary>
/// What a parse step returns: the model (absent when the input could not be read at
/// all) and the diagnostics found on the way. The two are split before output, so
/// that an edit changing only a diagnostic does not re-run emission.
/// </summary>
internal sealed record Result<TModel>(TModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where TModel : class
{
    public static Result<TModel> From(TModel? model, System.Collections.Generic.IEnumerable<DiagnosticInfo> diagnostics) =>
        new(model, diagnostics.ToEquatableArray());
}
