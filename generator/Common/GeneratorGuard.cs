using System;

namespace Colo.Gen.Generator.Common;

/// <summary>
/// The one place where both generators contain a failure of their own: every pipeline step runs
/// under <see cref="Run{T}"/>, and an exception it lets out becomes the diagnostic CG0001 instead
/// of a generator crash (which the compiler would report as a warning, dropping every output of
/// the generator). Cancellation is passed on untouched.
/// </summary>
internal static class GeneratorGuard
{
    /// <summary>Runs <paramref name="step"/> for the input file at <paramref name="path"/>; CG0001 is located there.</summary>
    public static Result<T> Run<T>(string path, Func<Result<T>> step)
        where T : class => Contain(path, LocationInfo.At(path, 0, 0, 0), step);

    /// <summary>Runs <paramref name="step"/> for something that is not one file (a namespace's shared source).</summary>
    public static Result<T> RunFor<T>(string subject, Func<Result<T>> step)
        where T : class => Contain(subject, null, step);

    private static Result<T> Contain<T>(string subject, LocationInfo? where, Func<Result<T>> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return Result<T>.From(null, new[] { DiagnosticInfo.Create(CommonDiagnostics.InternalError, where, subject, e.GetType().Name + ": " + e.Message) });
        }
    }
}
