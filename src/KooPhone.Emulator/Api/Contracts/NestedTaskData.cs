using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>InstallApp's data before SDK 3.1.207 (docs/api-reference.md §10 item 3): the task wrapped once more, data.data.{task_id, cmd_jobs}.</summary>
public sealed record NestedTaskData([property: JsonPropertyName("data")] TaskData Data);
