using System.Diagnostics;
using System.Text;
using OutreachAdvisor.FoundAt.Matching;

namespace OutreachAdvisor.FoundAt.Tests;

[TestClass]
public sealed class AddressListingMatcherTests
{
    private const string Jane = "jane@shape.example";

    [TestMethod]
    [DataRow("jane@shape.example", DisplayName = "plain")]
    [DataRow("Contact: JANE@SHAPE.EXAMPLE.", DisplayName = "upper case, sentence end")]
    [DataRow("Write to jane@shape.example, or call.", DisplayName = "followed by a comma")]
    [DataRow("(jane@shape.example)", DisplayName = "in parentheses")]
    [DataRow("'jane@shape.example'", DisplayName = "quoted")]
    [DataRow("Jane Doe <jane@shape.example>", DisplayName = "angle brackets in plain text")]
    [DataRow("<td>jane@shape.example</td>", DisplayName = "table cell")]
    [DataRow("?email=jane@shape.example&x=1", DisplayName = "query string")]
    [DataRow("<a href=\"mailto:jane@shape.example\">Write to me</a>", DisplayName = "mailto")]
    [DataRow("<a href=\"mailto:jane@shape.example?subject=Hello&amp;body=Hi\">mail</a>", DisplayName = "mailto with subject")]
    [DataRow("<a href=\"mailto:jane%40shape.example\">mail</a>", DisplayName = "mailto percent-encoded")]
    [DataRow("<a href='MAILTO:Jane%40Shape%2Eexample'>mail</a>", DisplayName = "mailto percent-encoded dot, mixed case")]
    [DataRow("jane&#64;shape.example", DisplayName = "decimal entity at")]
    [DataRow("jane&#x40;shape.example", DisplayName = "hex entity at")]
    [DataRow("jane&#X40shape.example", DisplayName = "hex entity without semicolon")]
    [DataRow("jane&commat;shape.example", DisplayName = "named entity commat")]
    [DataRow("jane@shape&period;example", DisplayName = "named entity period")]
    [DataRow("jane@shape&#46;example", DisplayName = "decimal entity dot")]
    [DataRow("jane [at] shape [dot] example", DisplayName = "[at] [dot]")]
    [DataRow("jane[at]shape[dot]example", DisplayName = "[at][dot] without spaces")]
    [DataRow("jane (at) shape (dot) example", DisplayName = "(at) (dot)")]
    [DataRow("jane {at} shape {dot} example", DisplayName = "{at} {dot}")]
    [DataRow("jane &lt;at&gt; shape &lt;dot&gt; example", DisplayName = "<at> <dot> entity-encoded")]
    [DataRow("jane at shape dot example", DisplayName = "at dot words")]
    [DataRow("jane AT shape DOT example", DisplayName = "AT DOT upper case")]
    [DataRow("jane   [ at ]\n\t shape  [ DOT ]   example", DisplayName = "extra spaces and line breaks")]
    [DataRow("jane&nbsp;[at]&nbsp;shape&nbsp;[dot]&nbsp;example", DisplayName = "non-breaking spaces")]
    [DataRow("jane chiocciola shape punto example", DisplayName = "Italian chiocciola punto")]
    [DataRow("jane (chiocciola) shape (punto) example", DisplayName = "Italian in parentheses")]
    [DataRow("jane @ shape.example", DisplayName = "spaced @")]
    [DataRow("jane ＠ shape.example", DisplayName = "full-width @")]
    [DataRow("jane<span>@</span>shape.example", DisplayName = "span around @")]
    [DataRow("<b>jane</b><i>@</i><b>shape</b>.<b>example</b>", DisplayName = "inline tags everywhere")]
    [DataRow("jane<!-- no bots -->@shape<!---->.example", DisplayName = "comments inside")]
    [DataRow("jane\u200B@shape\u00AD.example", DisplayName = "zero-width space and soft hyphen")]
    [DataRow("<p>Mail me:</p><p>jane@shape.example</p>", DisplayName = "after a block tag")]
    public void Finds_the_address_however_it_is_written(string page)
    {
        ListingMatch match = AddressListingMatcher.Find(Jane, page);

        Assert.IsTrue(match.IsListed, $"expected a match in: {page}");
        Assert.IsFalse(string.IsNullOrWhiteSpace(match.MatchedForm));
    }

    [TestMethod]
    public void Finds_an_address_fully_encoded_as_decimal_or_hex_entities()
    {
        string decimalForm = string.Concat(Jane.Select(c => $"&#{(int)c};"));
        string hexForm = string.Concat(Jane.Select(c => $"&#x{(int)c:x};"));

        Assert.IsTrue(AddressListingMatcher.Find(Jane, $"<p>{decimalForm}</p>").IsListed);
        Assert.IsTrue(AddressListingMatcher.Find(Jane, $"<a href=\"mailto:{hexForm}\">me</a>").IsListed);
    }

    [TestMethod]
    [DataRow("xjane@shape.example", DisplayName = "longer local part")]
    [DataRow("doe.jane@shape.example", DisplayName = "dotted longer local part")]
    [DataRow("tag+jane@shape.example", DisplayName = "plus-prefixed local part")]
    [DataRow("jane_x@shape.example", DisplayName = "suffixed local part")]
    [DataRow("jane.doe@shape.example", DisplayName = "dotted suffix")]
    [DataRow("jane@shape.example.org", DisplayName = "longer domain")]
    [DataRow("jane@shape.examples", DisplayName = "longer last label")]
    [DataRow("jane@shape.example-mail.org", DisplayName = "hyphenated longer domain")]
    [DataRow("jane@shape.exampl", DisplayName = "shorter domain")]
    [DataRow("jane@shapeexample", DisplayName = "missing dot")]
    [DataRow("jane@sub.shape.example", DisplayName = "subdomain")]
    [DataRow("mary@shape.example", DisplayName = "other person")]
    [DataRow("jane [at] shape [dot] example [dot] org", DisplayName = "obfuscated longer domain")]
    [DataRow("jane at shape dot example dot org", DisplayName = "word-obfuscated longer domain")]
    [DataRow("jane&#64;shape.exampl", DisplayName = "entity-encoded shorter domain")]
    [DataRow("jane@shape&#46;example&#46;org", DisplayName = "entity-encoded longer domain")]
    [DataRow("jane at shape example", DisplayName = "no dot at all")]
    [DataRow("jane shape.example", DisplayName = "no at at all")]
    [DataRow("Jane works at Shape. Example: none.", DisplayName = "prose with the words")]
    [DataRow("", DisplayName = "empty page")]
    public void Does_not_match_a_different_address(string page)
    {
        ListingMatch match = AddressListingMatcher.Find(Jane, page);

        Assert.IsFalse(match.IsListed, $"unexpected match '{match.MatchedForm}' in: {page}");
        Assert.IsNull(match.MatchedForm);
    }

    [TestMethod]
    public void A_shorter_address_inside_an_obfuscated_longer_one_is_not_a_match()
    {
        Assert.IsFalse(AddressListingMatcher.Find("doe@shape.example", "jane dot doe at shape dot example").IsListed);
        Assert.IsFalse(AddressListingMatcher.Find("doe@shape.example", "jane [dot] doe [at] shape [dot] example").IsListed);
        Assert.IsTrue(AddressListingMatcher.Find("jane.doe@shape.example", "jane dot doe at shape dot example").IsListed);
    }

    [TestMethod]
    public void Keeps_looking_after_a_near_miss()
    {
        string page = "xjane@shape.example and jane@shape.example.org, but really jane [at] shape [dot] example";

        ListingMatch match = AddressListingMatcher.Find(Jane, page);

        Assert.AreEqual("jane [at] shape [dot] example", match.MatchedForm);
    }

    [TestMethod]
    [DataRow("<p>jane [at] shape [dot] example</p>", "jane [at] shape [dot] example")]
    [DataRow("jane<span>@</span>shape.example", "jane<span>@</span>shape.example")]
    [DataRow("jane&#64;shape.example", "jane&#64;shape.example")]
    [DataRow("<a href=\"mailto:jane%40shape.example?subject=hi\">Contact</a>", "jane%40shape.example")]
    [DataRow("jane\n\n   at shape dot example", "jane at shape dot example")]
    public void Reports_the_form_the_page_used(string page, string expectedForm)
    {
        Assert.AreEqual(expectedForm, AddressListingMatcher.Find(Jane, page).MatchedForm);
    }

    [TestMethod]
    public void Prefers_the_visible_text_over_the_mailto_link()
    {
        string page = "<a href=\"mailto:jane@shape.example\">jane [at] shape [dot] example</a>";

        Assert.AreEqual("jane [at] shape [dot] example", AddressListingMatcher.Find(Jane, page).MatchedForm);
    }

    [TestMethod]
    public void Text_that_is_not_markup_survives_tag_stripping()
    {
        Assert.IsTrue(AddressListingMatcher.Find(Jane, "if a < b then jane@shape.example > c").IsListed);
        Assert.IsTrue(AddressListingMatcher.Find(Jane, "<!-- unterminated comment jane@shape.example").IsListed);
    }

    [TestMethod]
    [DataRow("jane@shape.example", true)]
    [DataRow("jane.doe+news@mail.shape.example", true)]
    [DataRow("", false)]
    [DataRow("   ", false)]
    [DataRow("jane", false)]
    [DataRow("@shape.example", false)]
    [DataRow("jane@", false)]
    [DataRow("jane@@shape.example", false)]
    [DataRow("jane@shape..example", false)]
    [DataRow("jane doe@shape.example", false)]
    [DataRow("<jane@shape.example>", false)]
    public void Knows_which_addresses_it_can_look_for(string address, bool expected)
    {
        Assert.AreEqual(expected, AddressListingMatcher.IsSearchableAddress(address));
    }

    [TestMethod]
    public void Refuses_an_address_it_cannot_look_for()
    {
        Assert.ThrowsExactly<ArgumentException>(() => AddressListingMatcher.Find("not an address", "page"));
    }

    [TestMethod]
    [Timeout(20_000, CooperativeCancellation = true)]
    public void Stays_fast_on_a_hostile_megabyte()
    {
        string[] pieces = new[]
        {
            "jane [at] shape [dot] exampl ", "xjane@shape.example ", "jane@shape.example.org ", "jane at at at at ",
            "&#&#x&#64&amp &lt", "<span", "%4%40%%", "jane                          ", "[dot] (dot) {dot} dot ",
        };
        var page = new StringBuilder();
        for (int i = 0; page.Length < 1_000_000; i++)
        {
            page.Append(pieces[i % pieces.Length]);
        }

        var clock = Stopwatch.StartNew();
        ListingMatch missing = AddressListingMatcher.Find(Jane, page.ToString());
        ListingMatch present = AddressListingMatcher.Find(Jane, page + " jane chiocciola shape punto example");
        clock.Stop();

        Assert.IsFalse(missing.IsListed);
        Assert.IsTrue(present.IsListed);
        Assert.IsLessThan(10_000L, clock.ElapsedMilliseconds, $"took {clock.ElapsedMilliseconds} ms");
    }

    [TestMethod]
    [DataRow("kate@shape.example", "\u212Aate@shape.example", DisplayName = "Kelvin sign for k")]
    [DataRow("sara@shape.example", "\u017Fara@shape.example", DisplayName = "long s for s")]
    [DataRow("lidia@shape.example", "l\u0131dia@shape.example", DisplayName = "dotless i")]
    [DataRow("kate@shape.example", "kate@shape.example", DisplayName = "plain")]
    [DataRow("kate@shape.example", "kate@shape.other", DisplayName = "a part missing")]
    public void The_quick_check_for_missing_parts_never_changes_a_verdict(string address, string page)
    {
        // Whatever the page holds, the verdict is the one the pattern alone gives on the visible text.
        bool patternAlone = System.Text.RegularExpressions.Regex.IsMatch(page, System.Text.RegularExpressions.Regex.Escape(address),
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking);

        Assert.AreEqual(patternAlone, AddressListingMatcher.Find(address, page).IsListed);
    }

    [TestMethod]
    public void A_prepared_page_answers_like_the_raw_page_for_every_address()
    {
        const string page = "<p>jane [at] shape [dot] example, <a href=\"mailto:marco%40shape.example\">Marco</a></p>";
        var prepared = new PreparedPage(page);

        foreach (string address in new[] { Jane, "marco@shape.example", "anna@shape.example", "xjane@shape.example" })
            Assert.AreEqual(AddressListingMatcher.Find(address, page), AddressListingMatcher.Find(address, prepared), address);
    }
}
