namespace OutreachAdvisor.Analysis.Messages;

/// <summary>Builds the named values of a message: <c>MessageArgs.Of(("recipient", address), ("count", 3))</c>.</summary>
public static class MessageArgs
{
    public static IReadOnlyDictionary<string, object> Of(params (string Name, object Value)[] values)
    {
        var args = new Dictionary<string, object>(values.Length, StringComparer.Ordinal);
        foreach ((string name, object value) in values)
            args[name] = value;
        return args;
    }
}
