namespace OutreachAdvisor.Reports.Detecting;

/// <summary>
/// Values grouped by a dense key 0..keys-1 (an interned address or conversation) in two flat arrays:
/// a counting sort, so a million messages cost one array entry each instead of a list per key.
/// Fill with <see cref="Count"/> for every pair, then <see cref="Allocate"/>, then <see cref="Add"/>
/// for the same pairs in the same order (each key's values keep that order).
/// </summary>
internal sealed class GroupedValues<T>(int keys)
{
    private readonly int[] _starts = new int[keys + 1];
    private T[] _values = [];

    public void Count(int key) => _starts[key + 1]++;

    public void Allocate()
    {
        for (int key = 0; key < keys; key++)
            _starts[key + 1] += _starts[key];
        _values = new T[_starts[keys]];
    }

    /// <summary>Writes at the key's next free place: its start moves on (<see cref="Complete"/> moves it back).</summary>
    public void Add(int key, T value) => _values[_starts[key]++] = value;

    /// <summary>After the last <see cref="Add"/>: each key's start back where its values begin.</summary>
    public void Complete()
    {
        for (int key = keys; key > 0; key--)
            _starts[key] = _starts[key - 1];
        _starts[0] = 0;
    }

    public Span<T> Of(int key) => _values.AsSpan(_starts[key], _starts[key + 1] - _starts[key]);
}
