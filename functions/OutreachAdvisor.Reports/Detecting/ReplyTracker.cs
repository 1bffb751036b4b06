using OutreachAdvisor.Reports.Collecting;

namespace OutreachAdvisor.Reports.Detecting;

/// <summary>
/// Marks the outreach messages that were answered: a cold recipient wrote later in the same
/// conversation (at any time), or wrote anything within the reply window after the message (a
/// reply whose client lost the thread, or an answer from another device).
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

        foreach (List<long> dates in datesByPerson.Values)
            dates.Sort();

        foreach (OutreachMessage message in outreach)
        {
            message.Replied = RepliedInThread(message, byConversation) || RepliedInWindow(message, datesByPerson, replyWindow.Ticks);
        }
    }

    private static bool RepliedInThread(OutreachMessage message, Dictionary<int, List<ReceivedRecord>> byConversation) =>
        byConversation.TryGetValue(message.Record.Conversation, out List<ReceivedRecord>? thread)
        && thread.Any(r => r.UtcTicks > message.Record.UtcTicks && message.ColdRecipients.Contains(r.From));

    private static bool RepliedInWindow(OutreachMessage message, Dictionary<int, List<long>> datesByPerson, long windowTicks)
    {
        long sent = message.Record.UtcTicks;
        foreach (int person in message.ColdRecipients)
        {
            if (!datesByPerson.TryGetValue(person, out List<long>? dates))
                continue;

            // The first message from them strictly after the outreach, by binary search.
            int index = dates.BinarySearch(sent + 1);
            if (index < 0)
                index = ~index;
            if (index < dates.Count && dates[index] - sent <= windowTicks)
                return true;
        }

        return false;
    }

    private static List<T> ListFor<T>(Dictionary<int, List<T>> lists, int key)
    {
        if (!lists.TryGetValue(key, out List<T>? list))
            lists[key] = list = [];
        return list;
    }
}
