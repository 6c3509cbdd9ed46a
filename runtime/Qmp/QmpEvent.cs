using System.Text.Json.Nodes;

namespace Colo.Gen.Qmp;

/// <summary>An asynchronous event sent by QEMU, kept apart from command replies.</summary>
/// <param name="Name">The event name, e.g. <c>SHUTDOWN</c>.</param>
/// <param name="Data">The event's <c>data</c> member, or null.</param>
/// <param name="Seconds">The timestamp's seconds.</param>
/// <param name="Microseconds">The timestamp's microseconds.</param>
public sealed record QmpEvent(string Name, JsonObject? Data, long Seconds, long Microseconds);
