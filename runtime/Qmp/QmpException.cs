using System;

namespace Colo.Gen.Qmp;

/// <summary>
/// A QMP command answered with an error, or a QMP conversation that broke down
/// (closed socket, malformed greeting, timeout).
/// </summary>
public sealed class QmpException : Exception
{
    /// <summary>Creates an exception for an error reply.</summary>
    /// <param name="command">The command that failed.</param>
    /// <param name="errorClass">QEMU's error class, e.g. <c>GenericError</c>.</param>
    /// <param name="description">QEMU's human-readable error text.</param>
    public QmpException(string command, string errorClass, string description)
        : base($"QMP command '{command}' failed: {errorClass}: {description}")
    {
        Command = command;
        ErrorClass = errorClass;
        Description = description;
    }

    /// <summary>Creates an exception for a broken conversation.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public QmpException(string message, Exception? inner = null)
        : base(message, inner)
    {
        Command = "";
        ErrorClass = "";
        Description = message;
    }

    /// <summary>The command that failed (empty for a broken conversation).</summary>
    public string Command { get; }

    /// <summary>QEMU's error class (empty for a broken conversation).</summary>
    public string ErrorClass { get; }

    /// <summary>QEMU's own words for what failed (the reply's <c>error.desc</c>), or what broke the conversation.</summary>
    public string Description { get; }
}
