using OutreachAdvisor.Reports.Collecting;

namespace OutreachAdvisor.Reports.Detecting;

/// <summary>
/// Marks the outreach messages that were answered: a cold recipient wrote later in the same
/// conversation (at any time), or wrote anything within the reply window after the message (a
/// reply whose client lost the thread, or an answer from another device). Then marks those the owner
/// followed up: wrote to a cold recipient again after the message, within the reply window and
/// before any reply came.
/// </summary>
internal static class ReplyTracker
{
    public static void Mark(MailLedger ledger, IReadOnlyList<OutreachMessage> outreach, TimeSpan replyWindow)
    {
        var conversations = outreach.Select(o => o.Record.Conversation).ToHashSet();
        var people = outreach.SelectMany(o => o.ColdRecipients).ToHashSet();

        // Only what can be a reply is indexed: messages in outreach threads, and dates of cold recipients.
        var byConversation = new Dictionary<int, List<ReceivedRecord>>();
        var datesByPerson = new Dictionary<int, List<long>>();
        foreach (ReceivedRecord received in ledger.Received)
        {
            if (conversations.Contains(received.Conversation))
                ListFor(byConversation, received.Conversation).Add(received);
            if (people.Contains(received.From))
                ListFor(datesByPerson, received.From).Add(received.UtcTicks);
        }

        var sentToPerson = new Dictionary<int, List<long>>();
        foreach (SentRecord sent in ledger.Sent)
        {
            foreach (int recipient in sent.Recipients)
            {
                if (people.Contains(recipient))
                    ListFor(sentToPerson, recipient).Add(sent.UtcTicks);
            }
        }

        foreach (List<long> dates in datesByPerson.Values)
            dates.Sort();
        foreach (List<long> dates in sentToPerson.Values)
            dates.Sort();

        long window = replyWindow.Ticks;
        foreach (OutreachMessage message in outreach)
        {
            long first = Math.Min(FirstInThread(message, byConversation), FirstInWindow(message, datesByPerson, window));
            message.FirstReplyTicks = first;
            message.Replied = first != long.MaxValue;
            long until = Math.Min(first, message.Record.UtcTicks > long.MaxValue - window ? long.MaxValue : message.Record.UtcTicks + window);
            message.FollowedUp |= message.ColdRecipients.Any(person => FirstAfter(sentToPerson, person, message.Record.UtcTicks) is long next && next <= until);
        }
    }

    private static long FirstInThread(OutreachMessage message, Dictionary<int, List<ReceivedRecord>> byConversation)
    {
        long first = long.MaxValue;
        if (byConversation.TryGetValue(message.Record.Conversation, out List<ReceivedRecord>? thread))
        {
            foreach (ReceivedRecord received in thread)
            {
                if (received.UtcTicks > message.Record.UtcTicks && received.UtcTicks < first && message.ColdRecipients.Contains(received.From))
                    first = received.UtcTicks;
            }
        }

        return first;
    }

    private static long FirstInWindow(OutreachMessage message, Dictionary<int, List<long>> datesByPerson, long windowTicks)
    {
        long sent = message.Record.UtcTicks;
        long first = long.MaxValue;
        foreach (int person in message.ColdRecipients)
        {
            if (FirstAfter(datesByPerson, person, sent) is long next && next - sent <= windowTicks && next < first)
                first = next;
        }

        return first;
    }

    /// <summary>The first date strictly after <paramref name="ticks"/> in the person's sorted list, by binary search.</summary>
    private static long? FirstAfter(Dictionary<int, List<long>> lists, int person, long ticks)
    {
        if (!lists.TryGetValue(person, out List<long>? dates))
            return null;
        int index = dates.BinarySearch(ticks + 1);
        if (index < 0)
            index = ~index;
        while (index > 0 && dates[index - 1] > ticks)
            index--;
        return index < dates.Count ? dates[index] : null;
    }

    private static List<T> ListFor<T>(Dictionary<int, List<T>> lists, int key)
    {
        if (!lists.TryGetValue(key, out List<T>? list))
            lists[key] = list = [];
        return list;
    }
}
