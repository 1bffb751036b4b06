using OutreachAdvisor.Mailbox.Reading;

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

    /// <summary>Union-find over string keys; the root of a merged set is the key seen first.</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _firstSeen = new(StringComparer.Ordinal);

        public void Add(string key)
        {
            if (_parent.TryAdd(key, key))
            {
                _firstSeen[key] = _firstSeen.Count;
            }
        }

        public string Find(string key)
        {
            string root = key;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }

            // Path compression keeps later finds short.
            while (_parent[key] != root)
            {
                (key, _parent[key]) = (_parent[key], root);
            }

            return root;
        }

        public void Union(string first, string second)
        {
            Add(first);
            Add(second);
            string a = Find(first);
            string b = Find(second);
            if (a == b)
            {
                return;
            }

            if (_firstSeen[a] <= _firstSeen[b])
            {
                _parent[b] = a;
            }
            else
            {
                _parent[a] = b;
            }
        }
    }
}
