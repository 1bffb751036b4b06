using System.Globalization;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The small pieces every answer's words and context go through: message templates (placeholders and the
/// one/many choice), reasons compared by value, the localizer's language and plural choices, the sender's
/// organisation, and a found-at check kept within its budget.
/// </summary>
[TestClass]
public sealed class MessagesAndContextTests
{
    private static IReadOnlyDictionary<string, object> Args(params (string, object)[] values) => MessageArgs.Of(values);

    [TestMethod]
    public void A_template_replaces_each_placeholder_and_keeps_the_text_around_it()
    {
        Assert.AreEqual("from Ann to Jane.", MessageTemplate.Render("from {a} to {b}.", Args(("a", "Ann"), ("b", "Jane")), "en"));
        Assert.AreEqual("AnnJane", MessageTemplate.Render("{a}{b}", Args(("a", "Ann"), ("b", "Jane")), "en"));
        Assert.AreEqual("no placeholders", MessageTemplate.Render("no placeholders", Reason.NoArgs, "en"));
    }

    [TestMethod]
    [DataRow(1, "1 page")]
    [DataRow(0, "0 pages")]
    [DataRow(2, "2 pages")]
    [DataRow(-1, "-1 pages")]
    public void The_one_or_many_choice_follows_the_count(int count, string expected) =>
        Assert.AreEqual(expected, MessageTemplate.Render("{n} {n|page|pages}", Args(("n", count)), "en"));

    [TestMethod]
    public void A_count_given_as_text_chooses_too() =>
        Assert.AreEqual("pagina", MessageTemplate.Render("{n|pagina|pagine}", Args(("n", "1")), "it"));

    [TestMethod]
    public void A_broken_template_or_a_missing_value_is_a_bug_that_throws()
    {
        Assert.ThrowsExactly<FormatException>(() => MessageTemplate.Render("from {a", Args(("a", "Ann")), "en"));
        Assert.ThrowsExactly<KeyNotFoundException>(() => MessageTemplate.Render("from {b}", Args(("a", "Ann")), "en"));
    }

    [TestMethod]
    public void Placeholders_are_listed_by_name_once_per_use()
    {
        CollectionAssert.AreEqual(new[] { "n", "n", "domain" }, MessageTemplate.Placeholders("{n} {n|page|pages} on {domain}").ToArray());
        CollectionAssert.AreEqual(new[] { "a" }, MessageTemplate.Placeholders("} {a} {unclosed").ToArray());
        Assert.IsFalse(MessageTemplate.Placeholders("none here").Any());
    }

    [TestMethod]
    public void Values_are_written_the_same_in_every_culture_and_language()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("it-IT");
            Assert.AreEqual("1.5", MessageTemplate.Format(1.5, "it"));
            Assert.AreEqual("12000", MessageTemplate.Format(12000, "it"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.AreEqual("a, b", MessageTemplate.Format(new[] { "a", "b" }, "en"));
        Assert.AreEqual("Passed", MessageTemplate.Format(CheckStatus.Passed, "en"));
        Assert.AreEqual("la pagina non ha risposto entro 3 s", MessageTemplate.Format(Reason.With("found-at/timeout", ("seconds", "3")), "it"));
        var list = new ReasonList([Reason.With("found-at/timeout", ("seconds", "3")), "x"], " / ");
        Assert.AreEqual("the page did not answer within 3 s / x", MessageTemplate.Format(list, "en"));
    }

    [TestMethod]
    public void Reasons_are_equal_by_id_and_values_whichever_dictionary_holds_them()
    {
        var a = Reason.With("found-at/timeout", ("seconds", "3"));
        var b = new Reason("found-at/timeout", new Dictionary<string, object> { ["seconds"] = "3" });
        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreEqual(new Reason("found-at/failed"), new Reason("found-at/failed", new Dictionary<string, object>()));

        Assert.AreNotEqual(a, Reason.With("found-at/timeout", ("seconds", "4")));
        Assert.AreNotEqual(a, Reason.With("mailbox/timeout", ("seconds", "3")));
        Assert.AreNotEqual(a, Reason.With("found-at/timeout", ("seconds", "3"), ("extra", "x")));
        Assert.AreNotEqual(a, Reason.With("found-at/timeout", ("other", "3")));
        Assert.IsFalse(a.Equals(null));
    }

    [TestMethod]
    public void Reason_values_compare_lists_item_by_item_and_nested_reasons_by_value()
    {
        Assert.AreEqual(Reason.With("x", ("names", new[] { "a", "b" })), Reason.With("x", ("names", new List<string> { "a", "b" })));
        Assert.AreNotEqual(Reason.With("x", ("names", new[] { "a", "b" })), Reason.With("x", ("names", new[] { "b", "a" })));
        Assert.AreEqual(Reason.With("x", ("why", Reason.With("y", ("n", 1)))), Reason.With("x", ("why", Reason.With("y", ("n", 1)))));
        Assert.AreNotEqual(Reason.With("x", ("why", Reason.With("y", ("n", 1)))), Reason.With("x", ("why", Reason.With("y", ("n", 2)))));

        static Reason Listed(string separator, params object[] items) => Reason.With("x", ("all", new ReasonList(items, separator)));
        Assert.AreEqual(Listed(", ", "a", Reason.With("y")), Listed(", ", "a", Reason.With("y")));
        Assert.AreNotEqual(Listed(", ", "a"), Listed("; ", "a"), "another separator");
        Assert.AreNotEqual(Listed(", ", "a"), Listed(", ", "a", "b"), "another length");
        Assert.AreNotEqual(Listed(", ", "a", "b"), Listed(", ", "a", "c"), "another item");
        Assert.AreEqual(Reason.With("x", ("n", 3)), Reason.With("x", ("n", 3)));
        Assert.AreNotEqual(Reason.With("x", ("n", 3)), Reason.With("x", ("n", "3")));
    }

    [TestMethod]
    public void A_reason_reads_as_its_english_sentence() =>
        Assert.AreEqual("the page could not be checked", new Reason("found-at/failed").ToString());

    [TestMethod]
    public void Unknown_message_ids_are_bugs_that_throw()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => Localizer.Render(new Reason("nobody/nothing"), "en"));
        Assert.ThrowsExactly<KeyNotFoundException>(() => Localizer.RenderFinding("nobody/nothing", Reason.NoArgs, "en"));
    }

    [TestMethod]
    public void A_finding_is_worded_in_the_reader_s_language_with_its_fix_label()
    {
        IReadOnlyDictionary<string, object> args = Args(("greeting", "Dear Sir"), ("name", "Jane"));
        FindingText en = Localizer.RenderFinding("personal-greeting/impersonal", args, "en");
        FindingText it = Localizer.RenderFinding("personal-greeting/impersonal", args, "it");
        Assert.AreEqual("The greeting \"Dear Sir\" could be for anyone.", en.Message);
        Assert.AreEqual("Greet Jane", en.Fix);
        Assert.AreEqual("Impersonal greeting", en.Title);
        Assert.AreEqual("Greet Jane by name.", en.Suggestion);
        Assert.AreEqual("Saluta Jane", it.Fix);
        Assert.AreEqual("Saluto impersonale", it.Title);
        Assert.IsNull(Localizer.RenderFinding("personal-greeting/merge-field", Args(("field", "{{x}}")), "en").Fix, "no fix label where the rule has none");
    }

    [TestMethod]
    public void Several_places_pick_the_message_for_many_when_there_is_one()
    {
        IReadOnlyDictionary<string, object> args = Args(("field", "{{x}}"), ("count", 3));
        StringAssert.StartsWith(Localizer.RenderFinding("personal-greeting/merge-field", args, "en", places: 2).Message, "3 unfilled");
        StringAssert.StartsWith(Localizer.RenderFinding("personal-greeting/merge-field", args, "en", places: 1).Message, "\"{{x}}\" is");
        IReadOnlyDictionary<string, object> greeting = Args(("greeting", "Dear Sir"), ("name", "Jane"));
        Assert.AreEqual("The greeting \"Dear Sir\" could be for anyone.", Localizer.RenderFinding("personal-greeting/impersonal", greeting, "en", places: 3).Message, "no message for many: the one message");
    }

    [TestMethod]
    public void A_finding_s_values_are_given_as_text()
    {
        IReadOnlyDictionary<string, string> values = Localizer.RenderValues(Args(("n", 2), ("names", new[] { "a", "b" }), ("why", new Reason("found-at/failed"))), "it");
        Assert.AreEqual("2", values["n"]);
        Assert.AreEqual("a, b", values["names"]);
        Assert.AreEqual("non è stato possibile controllare la pagina", values["why"]);
        Assert.HasCount(3, values);
    }

    [TestMethod]
    public void An_organisation_holds_its_domains_cleaned_and_once_each()
    {
        var organization = new Organization([" Acme.Example. ", "acme.example", "", "  ", "studio.example"]);
        CollectionAssert.AreEqual(new[] { "acme.example", "studio.example" }, organization.Domains.ToArray());
    }

    [TestMethod]
    public void Colleagues_are_at_the_domain_or_below_it_never_at_a_look_alike()
    {
        var organization = new Organization(["acme.example"]);
        Assert.IsTrue(organization.Contains("acme.example"));
        Assert.IsTrue(organization.Contains("ACME.example"));
        Assert.IsTrue(organization.Contains("mail.acme.example"));
        Assert.IsTrue(organization.Contains(new EmailAddress("Ann", "ann@eu.mail.acme.example")));
        Assert.IsFalse(organization.Contains("notacme.example"));
        Assert.IsFalse(organization.Contains("acme.example.org"));
        Assert.IsFalse(organization.Contains(""));
        Assert.IsFalse(Organization.None.Contains("acme.example"));
    }

    [TestMethod]
    public void The_sender_s_organisation_is_their_domain_unless_it_is_webmail()
    {
        CollectionAssert.AreEqual(new[] { "acme.example" }, Organization.OfSender(new EmailAddress("Ann", "ann@Acme.example")).Domains.ToArray());
        Assert.AreSame(Organization.None, Organization.OfSender(new EmailAddress("Ann", "ann@gmail.com")));
        Assert.AreSame(Organization.None, Organization.OfSender(null));
        Assert.AreSame(Organization.None, Organization.OfSender(new EmailAddress("Ann", "ann")));
    }

    [TestMethod]
    public async Task A_found_at_check_within_its_budget_gives_its_own_verdict()
    {
        var listed = new FoundAtVerdict(FoundAtStatus.Listed, new Reason("found-at/failed")) { Page = "https://acme.example/team" };
        FoundAtVerdict verdict = await FoundAtBudget.RunAsync(_ => Task.FromResult(listed), TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.AreSame(listed, verdict);
    }

    [TestMethod]
    public async Task A_found_at_check_that_fails_or_runs_out_of_time_is_unavailable_with_why()
    {
        FoundAtVerdict failed = await FoundAtBudget.RunAsync(_ => throw new InvalidOperationException("boom"), TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.AreEqual(FoundAtStatus.Unavailable, failed.Status);
        Assert.AreEqual(new Reason("found-at/failed"), failed.Detail);

        FoundAtVerdict slow = await FoundAtBudget.RunAsync(async token =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new FoundAtVerdict(FoundAtStatus.Listed, new Reason("found-at/failed"));
        }, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.AreEqual(FoundAtStatus.Unavailable, slow.Status);
        Assert.AreEqual(Reason.With("found-at/timeout", ("seconds", "0.2")), slow.Detail);
    }

    [TestMethod]
    public async Task A_found_at_check_the_caller_cancels_is_cancelled_not_a_verdict()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => FoundAtBudget.RunAsync(async token =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new FoundAtVerdict(FoundAtStatus.Listed, new Reason("found-at/failed"));
        }, TimeSpan.FromSeconds(5), cancel.Token));
    }

    [TestMethod]
    [DataRow(1500, "1.5")]
    [DataRow(2000, "2")]
    [DataRow(2049, "2")]
    public void A_time_out_names_its_budget_in_seconds(int milliseconds, string seconds) =>
        Assert.AreEqual(Reason.With("found-at/timeout", ("seconds", seconds)), FoundAtBudget.TimedOut(TimeSpan.FromMilliseconds(milliseconds)).Detail);
}
