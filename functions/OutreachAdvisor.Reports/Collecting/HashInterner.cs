namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// Gives each distinct string a small int by a 64-bit hash of it, without keeping the string: for
/// conversation ids (Graph's are ~150 characters; a million of them would be 300 MB as strings).
/// Two different ids collide with probability about n^2 / 2^65 (3 x 10^-8 at a million).
/// </summary>
internal sealed class HashInterner
{
    private readonly Dictionary<ulong, int> _ids = [];
    private readonly List<ulong> _keys = [];

    public int Count => _ids.Count;

    public int Intern(string value) => InternKey(Hash(value));

    public int InternKey(ulong key)
    {
        if (!_ids.TryGetValue(key, out int id))
        {
            id = _ids.Count;
            _ids[key] = id;
            _keys.Add(key);
        }

        return id;
    }

    /// <summary>The hash an id stands for (what a carried-over record keeps instead of the conversation id).</summary>
    public ulong KeyOf(int id) => _keys[id];

    /// <summary>FNV-1a over the UTF-16 code units, then splitmix64's finaliser.</summary>
    public static ulong Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in value)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }

        return Templates.TemplateText.Mix(hash);
    }
}
