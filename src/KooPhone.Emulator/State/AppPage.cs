using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>One page of ListInstanceApp: the filtered total and the page's apps.</summary>
public sealed record AppPage(int TotalCount, IReadOnlyList<AppEntry> Items);
