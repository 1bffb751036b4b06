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
        var ownKeys = new string[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var own = message.MessageId is null ? $"message:{i}" : $"id:{message.MessageId}";
            ownKeys[i] = own;

            // The oldest reference is added first so that it usually becomes the thread's id.
            foreach (var reference in message.ThreadReferences)
            {
                sets.Union($"id:{reference}", own);
            }

            sets.Add(own);
            var subject = SubjectNormalizer.Normalize(message.Subject);
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
        private readonly Dictionary<string, string> parent = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> firstSeen = new(StringComparer.Ordinal);

        public void Add(string key)
        {
            if (parent.TryAdd(key, key))
            {
                firstSeen[key] = firstSeen.Count;
            }
        }

        public string Find(string key)
        {
            var root = key;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            // Path compression keeps later finds short.
            while (parent[key] != root)
            {
                (key, parent[key]) = (parent[key], root);
            }

            return root;
        }

        public void Union(string first, string second)
        {
            Add(first);
            Add(second);
            var a = Find(first);
            var b = Find(second);
            if (a == b)
            {
                return;
            }

            if (firstSeen[a] <= firstSeen[b])
            {
                parent[b] = a;
            }
            else
            {
                parent[a] = b;
            }
        }
    }
}
