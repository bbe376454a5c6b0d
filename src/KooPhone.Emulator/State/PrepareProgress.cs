namespace KooPhone.Emulator.State;

/// <summary>ShowProgress's answer (docs/api-reference.md §5.18): the §4.3 status and the whole seconds the current restore still needs.</summary>
public readonly record struct PrepareProgress(int Status, int WaitingSeconds);
