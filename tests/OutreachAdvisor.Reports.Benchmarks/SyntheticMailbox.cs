using System.Runtime.CompilerServices;
using System.Text;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>
/// A generated mailbox, streamed from memory and deterministic for a seed: the owner's sent mail
/// (personal outreach, template campaigns sent to many people, and replies in threads others
/// started) and received mail (answers to some outreach, messages that start threads, newsletters).
/// Messages are produced on the fly, so generating 100,000 costs no memory of its own.
/// </summary>
public sealed class SyntheticMailbox(int sentMessages, int seed = 42) : IReportMailSource
{
    public const string Owner = "ann@lee.example";

    private static readonly string[] Sentences =
    [
        "Could you spare fifteen minutes for a call next week?",
        "I'd be happy to share the results of our survey in return.",
        "I read your recent piece on {0} and the part about {1} stayed with me.",
        "Our team has been building a small tool for {0} and {1}.",
        "Would you be open to reviewing a short draft about {0}?",
        "If it helps, I can introduce you to people working on {1}.",
        "We tested {2} different approaches to {0} with real users.",
        "Thanks for the time you spend answering questions about {1}.",
    ];

    /// <summary>Made-up words: enough of them that independent texts share almost no five-word runs.</summary>
    private static readonly string[] Vocabulary = BuildVocabulary(4000);

    public string Name => "synthetic";

    /// <summary>Sent messages that belong to template campaigns (each a text sent to 20-300 people).</summary>
    public int CampaignMessages { get; private set; }

    public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var span = TimeSpan.FromDays(365);
        string campaignText = string.Empty;
        int campaignLeft = 0;
        int campaign = 0;
        for (int i = 0; i < sentMessages; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DateTimeOffset date = start + span * ((double)i / sentMessages);
            string person = $"p{i}@org{random.Next(sentMessages / 3 + 1)}.example";
            double roll = random.NextDouble();
            if (roll < 0.10)
            {
                // A reply in a thread the other person started: they wrote first.
                string thread = $"t{i}";
                yield return Received($"in{i}", thread, person, date - TimeSpan.FromHours(random.Next(1, 72)), "A question for you");
                yield return Sent($"s{i}", thread, person, date, "Re: A question for you", PersonalText(random, NameOf(person)));
                continue;
            }

            string body, subject;
            if (roll < 0.30)
            {
                if (campaignLeft == 0)
                {
                    campaign++;
                    campaignLeft = random.Next(20, 300);
                    campaignText = PersonalText(random, "{name}");
                }

                campaignLeft--;
                CampaignMessages++;
                body = campaignText.Replace("{name}", NameOf(person), StringComparison.Ordinal);
                subject = $"Campaign {campaign}";
            }
            else
            {
                body = PersonalText(random, NameOf(person));
                subject = $"About {Vocabulary[random.Next(Vocabulary.Length)]}";
            }

            string id = $"s{i}";
            yield return Sent(id, id, person, date, subject, body);

            // About one outreach in six is answered, most in the thread, some from another thread.
            double answer = random.NextDouble();
            if (answer < 0.12)
                yield return Received($"r{i}", id, person, date + TimeSpan.FromHours(random.Next(1, 24 * 20)), "Re: " + subject);
            else if (answer < 0.16)
                yield return Received($"r{i}", $"other{i}", person, date + TimeSpan.FromDays(random.Next(1, 60)), "Hello again");

            if (i % 50 == 0)
                yield return Received($"n{i}", $"n{i}", "newsletter@news.example", date, "Weekly digest");
        }

        await Task.CompletedTask;
    }

    private static ReportMail Sent(string id, string thread, string to, DateTimeOffset date, string subject, string body) => new()
    {
        Id = id,
        ConversationId = thread,
        From = new EmailAddress("Ann Lee", Owner),
        To = [new EmailAddress(NameOf(to), to)],
        Subject = subject,
        Date = date,
        Body = body,
    };

    private static ReportMail Received(string id, string thread, string from, DateTimeOffset date, string subject) => new()
    {
        Id = id,
        ConversationId = thread,
        From = new EmailAddress(null, from),
        To = [new EmailAddress("Ann Lee", Owner)],
        Subject = subject,
        Date = date,
    };

    /// <summary>A greeting, six to ten sentences mixing set phrases with random words, a signature: about 700 characters.</summary>
    private static string PersonalText(Random random, string name)
    {
        var text = new StringBuilder(900);
        text.Append(random.Next(3) == 0 ? "Dear " : "Hi ").Append(name).Append(",\n\n");
        int sentences = random.Next(6, 11);
        for (int s = 0; s < sentences; s++)
        {
            if (random.Next(3) == 0)
            {
                text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, Sentences[random.Next(Sentences.Length)],
                    Vocabulary[random.Next(Vocabulary.Length)], Vocabulary[random.Next(Vocabulary.Length)], random.Next(2, 9));
            }
            else
            {
                int words = random.Next(8, 16);
                for (int w = 0; w < words; w++)
                    text.Append(w == 0 ? string.Empty : " ").Append(Vocabulary[random.Next(Vocabulary.Length)]);
                text.Append('.');
            }

            text.Append(random.Next(4) == 0 ? "\n\n" : " ");
        }

        return text.Append("\n\nBest,\nAnn").ToString();
    }

    private static string NameOf(string address) => "Person" + address[1..address.IndexOf('@', StringComparison.Ordinal)];

    private static string[] BuildVocabulary(int count)
    {
        var random = new Random(7);
        const string consonants = "bcdfglmnprstvz";
        const string vowels = "aeiou";
        return Enumerable.Range(0, count).Select(_ =>
        {
            var word = new StringBuilder();
            int syllables = random.Next(2, 4);
            for (int s = 0; s < syllables; s++)
                word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
            return word.ToString();
        }).ToArray();
    }
}
