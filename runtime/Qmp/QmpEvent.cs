using System.Text.Json.Nodes;

namespace Colo.Gen.Qmp;

/// <summary>An asynchronous event sent by QEMU, kept apart from command replies.</summary>
/// <param name="Name">The event name, e.g. <c>SHUTDOWN</c>.</param>
/// <param name="Data">The event's <c>data</c> member, or null.</param>
/// <param name="Seconds">When QEMU sent the event: whole seconds since the Unix epoch (QMP's <c>timestamp.seconds</c>).</param>
/// <param name="Microseconds">When QEMU sent the event: the microseconds past <paramref name="Seconds"/>, 0 to 999999 (QMP's <c>timestamp.microseconds</c>).</param>
public sealed record QmpEvent(string Name, JsonObject? Data, long Seconds, long Microseconds);
