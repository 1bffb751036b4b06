namespace OutreachAdvisor.Analysis.Messages;

/// <summary>Several values (strings or reasons) rendered one after another, each in the reader's language.</summary>
public sealed record ReasonList(IReadOnlyList<object> Items, string Separator = ", ");
