using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The HTML body as the plain text every offset points into (HtmlText): which elements break lines, which are
/// dropped with their content, how space collapses, how links, images, comments and quotes come out.
/// </summary>
[TestClass]
public sealed class HtmlTextTests
{
    private static string Plain(string html) => HtmlText.ToPlainText(html);

    [TestMethod]
    [DataRow("p")]
    [DataRow("div")]
    [DataRow("li")]
    [DataRow("tr")]
    [DataRow("h1")]
    [DataRow("h2")]
    [DataRow("h3")]
    [DataRow("h4")]
    [DataRow("h5")]
    [DataRow("h6")]
    [DataRow("table")]
    [DataRow("ul")]
    [DataRow("ol")]
    [DataRow("hr")]
    [DataRow("section")]
    [DataRow("article")]
    [DataRow("header")]
    [DataRow("footer")]
    [DataRow("pre")]
    [DataRow("DIV")]
    public void A_block_element_starts_a_new_line(string element)
    {
        Assert.AreEqual("one\ntwo", Plain($"one<{element}>two</{element}>"));
        Assert.AreEqual("one\ntwo", Plain($"<{element}>one</{element}>two"));
    }

    [TestMethod]
    [DataRow("span")]
    [DataRow("b")]
    [DataRow("em")]
    [DataRow("font")]
    [DataRow("o:p")]
    public void An_inline_element_does_not(string element) =>
        Assert.AreEqual("one two", Plain($"one <{element}>two</{element}>"));

    [TestMethod]
    [DataRow("script")]
    [DataRow("style")]
    [DataRow("head")]
    [DataRow("title")]
    [DataRow("template")]
    [DataRow("noscript")]
    [DataRow("STYLE")]
    public void Scripts_styles_and_the_head_are_dropped_with_their_content(string element)
    {
        Assert.AreEqual("before after", Plain($"before <{element} type=\"x\">hidden words</{element}> after"));
        Assert.AreEqual("before", Plain($"before <{element}>never closed"));
    }

    [TestMethod]
    public void Line_breaks_are_hard_and_repeat_but_blocks_give_one()
    {
        Assert.AreEqual("one\ntwo", Plain("one<br>two"));
        Assert.AreEqual("one\n\ntwo", Plain("one<br><br>two"));
        Assert.AreEqual("one\ntwo", Plain("<p>one</p><p></p><div>two</div>"));
        Assert.AreEqual("one", Plain("<p>one</p>"), "no break at the end");
        Assert.AreEqual("one", Plain("<div><p>one</p></div>"), "no break at the start");
    }

    [TestMethod]
    public void White_space_collapses_as_a_browser_shows_it()
    {
        Assert.AreEqual("a b c", Plain("  a \n\t b&nbsp;\u00A0c  "));
        Assert.AreEqual("cell one cell two", Plain("<table><tr><td>cell one</td><td>cell two</td></tr></table>"));
        Assert.AreEqual("x y", Plain("x<th>y</th>"));
    }

    [TestMethod]
    public void Entities_are_decoded_and_comments_dropped()
    {
        Assert.AreEqual("Tom & Jerry <3 \"hi\"", Plain("Tom &amp; Jerry &lt;3 &quot;hi&quot;"));
        Assert.AreEqual("before after", Plain("before <!-- a comment <b>with tags</b> --> after"));
        Assert.AreEqual("before", Plain("before <!-- never closed"));
    }

    [TestMethod]
    public void A_web_link_keeps_its_address_after_its_text_unless_the_text_shows_it()
    {
        Assert.AreEqual("my piece <https://a.example/p>", Plain("<a href=\"https://a.example/p\">my piece</a>"));
        Assert.AreEqual("my piece <http://a.example/p?x=1&y=2>", Plain("<a href='http://a.example/p?x=1&amp;y=2'>my piece</a>"));
        Assert.AreEqual("my piece <https://a.example/p>", Plain("<a class=x href=https://a.example/p>my piece</a>"));
        Assert.AreEqual("https://a.example/p", Plain("<a href=\"https://a.example/p\">https://a.example/p</a>"));
        Assert.AreEqual("HTTPS://A.EXAMPLE/P", Plain("<a href=\"https://a.example/p\">HTTPS://A.EXAMPLE/P</a>"));
        Assert.AreEqual("write", Plain("<a href=\"mailto:ann@lee.example\">write</a>"), "only web links are shown");
        Assert.AreEqual("no target", Plain("<a name=\"top\">no target</a>"));
        Assert.AreEqual("text", Plain("<a href=\"https://a.example/p\">text"), "an unclosed link adds nothing");
        Assert.AreEqual("empty", Plain("<a href=>empty</a>"));
    }

    [TestMethod]
    public void An_image_shows_its_alt_text()
    {
        Assert.AreEqual("see Chart of sales here", Plain("see <img src=\"c.png\" alt=\"Chart of sales\"> here"));
        Assert.AreEqual("see here", Plain("see <img src=\"c.png\" alt=\"\"> here"));
        Assert.AreEqual("see here", Plain("see <img src=\"c.png\"> here"));
        Assert.AreEqual("see A & B here", Plain("see <IMG alt='A &amp; B'> here"));
    }

    [TestMethod]
    public void A_blockquote_is_quoted_line_by_line_as_deep_as_it_nests()
    {
        Assert.AreEqual("Thanks!\n> old line\n> second\nnew", Plain("Thanks!<blockquote>old line<br>second</blockquote>new"));
        Assert.AreEqual("a\n> b\n>> c\n> d\ne", Plain("a<blockquote>b<blockquote>c</blockquote>d</blockquote>e"));
        Assert.AreEqual("x\ny", Plain("x</blockquote>y"), "a stray end tag never quotes negatively");
    }

    [TestMethod]
    public void A_tag_that_never_closes_is_kept_as_text()
    {
        Assert.AreEqual("a <b", Plain("a <b"));
        Assert.AreEqual("", Plain(""));
        Assert.AreEqual("only text", Plain("only text"));
    }
}
