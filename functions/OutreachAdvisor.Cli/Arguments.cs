namespace OutreachAdvisor.Cli;

/// <summary>The user's command line is wrong; the message is the one line printed before exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A small reader for "command POSITIONAL --flag --option VALUE --option=VALUE" command lines.
/// Each command takes what it knows and then calls <see cref="EnsureNothingLeft"/>, so a typo is an error, not ignored.
/// </summary>
public sealed class Arguments
{
    private readonly List<string> _items;

    public Arguments(IEnumerable<string> items)
    {
        _items = [];
        foreach (string item in items)
        {
            // "--found-at=a=b" is "--found-at" "a=b".
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            if (item.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                _items.Add(item[..equals]);
                _items.Add(item[(equals + 1)..]);
            }
            else
            {
                _items.Add(item);
            }
        }
    }

    public bool Flag(string name) => _items.Remove(name);

    /// <summary>Every value given for a repeatable option, in order.</summary>
    public IReadOnlyList<string> Values(string name)
    {
        var values = new List<string>();
        int index;
        while ((index = _items.IndexOf(name)) >= 0)
        {
            if (index + 1 >= _items.Count || (_items[index + 1].StartsWith("--", StringComparison.Ordinal) && _items[index + 1].Length > 2))
                throw new UsageException($"{name} needs a value");
            values.Add(_items[index + 1]);
            _items.RemoveRange(index, 2);
        }
        return values;
    }

    public string? Value(string name)
    {
        IReadOnlyList<string> values = Values(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"{name} may be given only once"),
        };
    }

    /// <summary>The next argument that is not an option ("-" counts: it means standard input).</summary>
    public string? Positional()
    {
        int index = _items.FindIndex(i => i == "-" || !i.StartsWith('-'));
        if (index < 0)
            return null;
        string value = _items[index];
        _items.RemoveAt(index);
        return value;
    }

    public void EnsureNothingLeft()
    {
        if (_items.Count > 0)
            throw new UsageException($"unknown argument '{_items[0]}'");
    }
}
