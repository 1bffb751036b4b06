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
        // Flags and groups by interned id (dense ints), not hash sets and lists: at a million messages the
        // lists alone were ~150 bytes per outreach message.
        bool[] conversations = new bool[ledger.Conversations.Count];
        bool[] people = new bool[ledger.Addresses.Count];
        foreach (OutreachMessage message in outreach)
        {
            conversations[message.Record.Conversation] = true;
            foreach (int person in message.ColdRecipients)
                people[person] = true;
        }

        // Only what can be a reply is indexed: messages in outreach threads, and dates of cold recipients.
        var byConversation = new GroupedValues<ReceivedRecord>(conversations.Length);
        var datesByPerson = new GroupedValues<long>(people.Length);
        var sentToPerson = new GroupedValues<long>(people.Length);
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (ReceivedRecord received in ledger.Received)
            {
                if (conversations[received.Conversation])
                {
                    if (pass == 0)
                        byConversation.Count(received.Conversation);
                    else
                        byConversation.Add(received.Conversation, received);
                }

                if (people[received.From])
                {
                    if (pass == 0)
                        datesByPerson.Count(received.From);
                    else
                        datesByPerson.Add(received.From, received.UtcTicks);
                }
            }

            foreach (SentRecord sent in ledger.Sent)
            {
                foreach (int recipient in sent.Recipients)
                {
                    if (!people[recipient])
                        continue;
                    if (pass == 0)
                        sentToPerson.Count(recipient);
                    else
                        sentToPerson.Add(recipient, sent.UtcTicks);
                }
            }

            if (pass == 0)
            {
                byConversation.Allocate();
                datesByPerson.Allocate();
                sentToPerson.Allocate();
            }
        }

        byConversation.Complete();
        datesByPerson.Complete();
        sentToPerson.Complete();
        for (int person = 0; person < people.Length; person++)
        {
            if (!people[person])
                continue;
            datesByPerson.Of(person).Sort();
            sentToPerson.Of(person).Sort();
        }

        long window = replyWindow.Ticks;
        foreach (OutreachMessage message in outreach)
        {
            long first = Math.Min(FirstInThread(message, byConversation), FirstInWindow(message, datesByPerson, window));
            message.FirstReplyTicks = first;
            message.Replied = first != long.MaxValue;
            long until = Math.Min(first, message.Record.UtcTicks > long.MaxValue - window ? long.MaxValue : message.Record.UtcTicks + window);
            foreach (int person in message.ColdRecipients)
            {
                if (FirstAfter(sentToPerson.Of(person), message.Record.UtcTicks) is long next && next <= until)
                    message.FollowedUp = true;
            }
        }
    }

    private static long FirstInThread(OutreachMessage message, GroupedValues<ReceivedRecord> byConversation)
    {
        long first = long.MaxValue;
        foreach (ReceivedRecord received in byConversation.Of(message.Record.Conversation))
        {
            if (received.UtcTicks > message.Record.UtcTicks && received.UtcTicks < first && message.ColdRecipients.Contains(received.From))
                first = received.UtcTicks;
        }

        return first;
    }

    private static long FirstInWindow(OutreachMessage message, GroupedValues<long> datesByPerson, long windowTicks)
    {
        long sent = message.Record.UtcTicks;
        long first = long.MaxValue;
        foreach (int person in message.ColdRecipients)
        {
            if (FirstAfter(datesByPerson.Of(person), sent) is long next && next - sent <= windowTicks && next < first)
                first = next;
        }

        return first;
    }

    /// <summary>The first date strictly after <paramref name="ticks"/> in a sorted span, by binary search.</summary>
    private static long? FirstAfter(ReadOnlySpan<long> dates, long ticks)
    {
        int index = dates.BinarySearch(ticks + 1);
        if (index < 0)
            index = ~index;
        while (index > 0 && dates[index - 1] > ticks)
            index--;
        return index < dates.Length ? dates[index] : null;
    }
}
