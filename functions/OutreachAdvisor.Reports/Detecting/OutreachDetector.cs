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
        var threadStarts = new Dictionary<int, long>();
        foreach (SentRecord sent in ledger.Sent)
            KeepEarliest(threadStarts, sent.Conversation, sent.UtcTicks);
        var firstHeardFrom = new Dictionary<int, long>();
        foreach (ReceivedRecord received in ledger.Received)
        {
            KeepEarliest(threadStarts, received.Conversation, received.UtcTicks);
            KeepEarliest(firstHeardFrom, received.From, received.UtcTicks);
        }

        var colleagues = new Dictionary<int, bool>();
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
                .Where(r => !IsColleague(r) && !(firstHeardFrom.TryGetValue(r, out long first) && first < sent.UtcTicks) && !ledger.HeardBefore.Contains(HashInterner.Hash(ledger.Addresses[r])))
                .ToArray();
            if (cold.Length > 0)
                outreach.Add(new OutreachMessage(sent, ledger.Analysis(sent.Analysis), cold));
        }

        return outreach;

        bool IsColleague(int address)
        {
            if (!colleagues.TryGetValue(address, out bool colleague))
            {
                colleague = organization.Contains(Addresses.DomainOf(ledger.Addresses[address]));
                colleagues[address] = colleague;
            }

            return colleague;
        }
    }

    private static AnalysedMessage CarriedAnalysis(Model.OpenOutreach open) => new()
    {
        Subject = open.Subject,
        Score = 0,
        Fired = 0,
        Skipped = 0,
        Language = "und",
        Metrics = default,
        LocalHour = 0,
        LocalWeekday = DayOfWeek.Sunday,
    };

    private static void KeepEarliest(Dictionary<int, long> earliest, int key, long ticks)
    {
        if (!earliest.TryGetValue(key, out long current) || ticks < current)
            earliest[key] = ticks;
    }
}
