using OutreachAdvisor.Mailbox.Reading;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.Mailbox.Indexing;

/// <summary>
/// Groups messages into threads. Messages are joined through Message-Id, References and
/// In-Reply-To, so a thread is every message reachable along that chain (even when a client sent
/// only part of the References). A message with neither References nor In-Reply-To also joins the
/// messages with the same normalised subject; a message that has references is never joined by
/// subject, since its references already say where it belongs.
/// </summary>
internal static class ThreadAssigner
{
    /// <summary>One opaque thread id per message, in the order given.</summary>
    public static string[] Assign(IReadOnlyList<MessageHeaders> messages)
    {
        var sets = new DisjointSets();
        string[] ownKeys = new string[messages.Count];
        for (int i = 0; i < messages.Count; i++)
        {
            MessageHeaders message = messages[i];
            string own = message.MessageId is null ? $"message:{i}" : $"id:{message.MessageId}";
            ownKeys[i] = own;

            // The oldest reference is added first so that it usually becomes the thread's id.
            foreach (string reference in message.ThreadReferences)
            {
                sets.Union($"id:{reference}", own);
            }

            sets.Add(own);
            string subject = SubjectNormalizer.Normalize(message.Subject);
            if (message.ThreadReferences.Count == 0 && subject.Length > 0)
            {
                sets.Union($"subject:{subject}", own);
            }
        }

        return ownKeys.Select(sets.Find).ToArray();
    }

    /// <summary>The report engine's union-find (<see cref="UnionFind"/>) over string keys: a set's root is the key seen first.</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];
        private readonly UnionFind _sets = new();

        public void Add(string key) => IndexOf(key);

        public string Find(string key) => _keys[_sets.Find(IndexOf(key))];

        public void Union(string first, string second) => _sets.Union(IndexOf(first), IndexOf(second));

        private int IndexOf(string key)
        {
            if (!_index.TryGetValue(key, out int index))
            {
                index = _sets.Add();
                _index[key] = index;
                _keys.Add(key);
            }

            return index;
        }
    }
}
