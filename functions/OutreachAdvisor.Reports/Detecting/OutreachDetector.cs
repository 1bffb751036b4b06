using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Reports.Collecting;

namespace OutreachAdvisor.Reports.Detecting;

/// <summary>
/// Finds the outreach messages: sent in the period, first of their conversation (no message of the
/// conversation is older), and addressed to at least one cold recipient - someone outside the
/// owner's organisation from whom nothing was received before the message's date (nor, for weekly
/// reports, in the mail of earlier reports). Receiving something covers the contract's "a thread where
/// both wrote": every message the other person wrote in a thread with the owner is a message the
/// owner received. Open outreach carried over from earlier reports is added as it was decided then.
/// </summary>
internal static class OutreachDetector
{
    public static List<OutreachMessage> Detect(MailLedger ledger, Organization organization)
    {
        // Earliest dates by interned id in flat arrays (ids are dense): no dictionary entry per conversation or person.
        long[] threadStarts = new long[ledger.Conversations.Count];
        long[] firstHeardFrom = new long[ledger.Addresses.Count];
        Array.Fill(threadStarts, long.MaxValue);
        Array.Fill(firstHeardFrom, long.MaxValue);
        foreach (SentRecord sent in ledger.Sent)
            threadStarts[sent.Conversation] = Math.Min(threadStarts[sent.Conversation], sent.UtcTicks);
        foreach (ReceivedRecord received in ledger.Received)
        {
            threadStarts[received.Conversation] = Math.Min(threadStarts[received.Conversation], received.UtcTicks);
            firstHeardFrom[received.From] = Math.Min(firstHeardFrom[received.From], received.UtcTicks);
        }

        // 0: not looked up yet, 1: a colleague, -1: not.
        sbyte[] colleagues = new sbyte[ledger.Addresses.Count];
        var outreach = new List<OutreachMessage>();
        foreach (SentRecord sent in ledger.Sent)
        {
            if (sent.Carried >= 0)
            {
                outreach.Add(new OutreachMessage(sent, CarriedAnalysis(ledger.Carried[sent.Carried]), sent.Recipients, Carried: true) { FollowedUp = ledger.Carried[sent.Carried].FollowedUp });
                continue;
            }

            if (sent.Analysis < 0 || threadStarts[sent.Conversation] < sent.UtcTicks)
                continue;

            // "Earlier" is strictly before: mail received at the very same instant is not prior contact.
            int[] cold = sent.Recipients
                .Where(r => !IsColleague(r) && firstHeardFrom[r] >= sent.UtcTicks && !ledger.HeardBefore.Contains(HashInterner.Hash(ledger.Addresses[r])))
                .ToArray();
            // Cold to everyone (the usual case): the record's own array, not a copy per message.
            if (cold.Length > 0)
                outreach.Add(new OutreachMessage(sent, ledger.Analysis(sent.Analysis), cold.Length == sent.Recipients.Length ? sent.Recipients : cold));
        }

        return outreach;

        bool IsColleague(int address)
        {
            if (colleagues[address] == 0)
                colleagues[address] = organization.Contains(Addresses.DomainOf(ledger.Addresses[address])) ? (sbyte)1 : (sbyte)-1;
            return colleagues[address] > 0;
        }
    }

    private static AnalysedMessage CarriedAnalysis(Model.OpenOutreach open) => new()
    {
        Subject = open.Subject,
        Score = 0,
        Fired = 0,
        Skipped = 0,
        Language = "und",
        Metrics = new CompactMetrics(0, 0, null, 0),
        LocalHour = 0,
        LocalWeekday = DayOfWeek.Sunday,
    };
}
