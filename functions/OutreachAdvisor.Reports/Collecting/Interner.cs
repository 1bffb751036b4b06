namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// Gives each distinct string (an address, a conversation id) a small int, so the per-message
/// records the engine keeps are a few ints and not copies of strings.
/// </summary>
internal sealed class Interner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public int Intern(string value)
    {
        if (!_ids.TryGetValue(value, out int id))
        {
            id = _values.Count;
            _ids[value] = id;
            _values.Add(value);
        }

        return id;
    }

    public int? Find(string value) => _ids.TryGetValue(value, out int id) ? id : null;

    public string this[int id] => _values[id];
}
