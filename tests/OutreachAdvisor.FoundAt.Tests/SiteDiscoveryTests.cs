using System.Globalization;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.FoundAt.Discovery;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// Issue 13: looking for an address on its organisation's own site. Every site is a made-up domain the
/// test resolver maps to a loopback server; nothing leaves the machine.
/// </summary>
[TestClass]
public sealed class SiteDiscoveryTests
{
    private static SiteServer Server = null!;
    private static DiscoverySites Sites = null!;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Token => TestContext.CancellationToken;

    [ClassInitialize]
    public static async Task StartServer(TestContext context)
    {
        Server = await SiteServer.StartAsync();
        Sites = new DiscoverySites(Server);
    }

    [ClassCleanup]
    public static async Task StopServer() => await Server.DisposeAsync();

    [TestMethod]
    public async Task An_address_on_the_contact_page_is_listed_on_that_page()
    {
        string domain = Sites.NewDomain("studio");
        Server.Html(domain, "/", $"<nav><a href=\"/blog\">Blog</a> <a href=\"/contact-us\">Contact us</a></nav><p>Welcome to {domain}.</p>");
        Server.Html(domain, "/contact-us", $"<p>Write to <a href=\"mailto:jane@{domain}\">Jane</a></p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
        Assert.IsTrue(verdict.Discovered);
        Assert.AreEqual(Sites.Url(domain, "/contact-us"), verdict.Page);
        Assert.AreEqual($"listed on {Sites.Url(domain, "/contact-us")}", verdict.Detail.ToString());
        Assert.AreEqual($"pubblicato su {Sites.Url(domain, "/contact-us")}", Localizer.Render(verdict.Detail, "it"));
        CollectionAssert.DoesNotContain(Sites.PagesRequested(domain), "/blog", "the blog is no likely page");
    }

    [TestMethod]
    public async Task An_obfuscated_address_on_the_team_page_is_found()
    {
        string domain = Sites.NewDomain("agency");
        Server.Html(domain, "/", "<a href=\"/about\">About</a><a href=\"/our-team/\">Our team</a>");
        Server.Html(domain, "/our-team/", $"<li>Marco Rossi &mdash; marco.rossi [at] {domain.Replace(".", " [dot] ", StringComparison.Ordinal)}</li>");
        Server.Html(domain, "/about", "<p>We make things.</p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"marco.rossi@{domain}");

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
        Assert.AreEqual(Sites.Url(domain, "/our-team/"), verdict.Page);
    }

    [TestMethod]
    public async Task An_address_only_on_a_page_the_sitemap_lists_is_found()
    {
        string domain = Sites.NewDomain("magazine");
        Server.Html(domain, "/", "<p>No links at all, the menu is drawn by JavaScript.</p>");
        Server.Text(domain, "/sitemap.xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>{Sites.Url(domain, "/2024/05/recipe")}</loc></url>
              <url><loc>{Sites.Url(domain, "/chi-siamo/la-redazione")}</loc></url>
            </urlset>
            """, "application/xml");
        Server.Html(domain, "/chi-siamo/la-redazione", $"<p>Giulia Bianchi: giulia&#64;{domain}</p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"giulia@{domain}");

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
        Assert.AreEqual(Sites.Url(domain, "/chi-siamo/la-redazione"), verdict.Page);
        CollectionAssert.DoesNotContain(Sites.PagesRequested(domain), "/2024/05/recipe");
    }

    [TestMethod]
    public async Task A_sitemap_named_in_robots_txt_and_indexing_its_page_sitemap_is_followed()
    {
        string domain = Sites.NewDomain("wordpress");
        Server.Text(domain, "/robots.txt", $"User-agent: *\nDisallow: /wp-admin/\nSitemap: {Sites.Url(domain, "/sitemap_index.xml")}\n", "text/plain");
        Server.Html(domain, "/", "<p>Hello</p>");
        Server.Text(domain, "/sitemap_index.xml", $"<sitemapindex><sitemap><loc>{Sites.Url(domain, "/post-sitemap.xml")}</loc></sitemap><sitemap><loc>{Sites.Url(domain, "/page-sitemap.xml")}</loc></sitemap></sitemapindex>", "text/xml");
        Server.Text(domain, "/page-sitemap.xml", $"<urlset><url><loc>{Sites.Url(domain, "/contatti/")}</loc></url></urlset>", "text/xml");
        Server.Html(domain, "/contatti/", $"<p>anna chiocciola {domain.Replace(".", " punto ", StringComparison.Ordinal)}</p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"anna@{domain}");

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
        CollectionAssert.DoesNotContain(Server.PathsRequested(domain), "/post-sitemap.xml");
    }

    [TestMethod]
    public async Task An_address_on_an_Italian_contatti_page_is_found_from_the_link_text()
    {
        string domain = Sites.NewDomain("studio-legale");
        Server.Html(domain, "/", "<ul><li><a href=\"/servizi\">Servizi</a></li><li><a href=\"/pagina-7\">Contatti</a></li></ul>");
        Server.Html(domain, "/pagina-7", $"<p>Avv. Paolo Verdi &ndash; <a href='mailto:p.verdi%40{domain}'>scrivici</a></p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"p.verdi@{domain}");

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
        Assert.AreEqual(Sites.Url(domain, "/pagina-7"), verdict.Page);
    }

    [TestMethod]
    public async Task An_address_on_no_page_is_not_found_naming_the_domain_and_the_pages_read()
    {
        string domain = Sites.NewDomain("nowhere");
        Server.Html(domain, "/", "<a href=\"/contact\">Contact</a> <a href=\"/team\">Team</a> <a href=\"/press\">Press</a>");
        Server.Html(domain, "/contact", "<form>Use the form</form>");
        Server.Html(domain, "/team", $"<p>Somebody else: bob@{domain}, xjane@{domain}</p>");
        Server.Html(domain, "/press", "<p>Press kit</p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status, verdict.Detail.ToString());
        Assert.AreEqual(4, verdict.PagesRead);
        Assert.AreEqual(domain, verdict.Domain);
        Assert.AreEqual($"not found on 4 pages read on {domain}", verdict.Detail.ToString());
        Assert.AreEqual($"non trovato in 4 pagine lette di {domain}", Localizer.Render(verdict.Detail, "it"));
    }

    [TestMethod]
    public async Task A_site_whose_robots_txt_disallows_everything_is_not_read()
    {
        string domain = Sites.NewDomain("private");
        Server.Text(domain, "/robots.txt", "# no crawling\nUser-agent: *\nDisallow: /\n", "text/plain");
        Server.Html(domain, "/", "<a href=\"/contact\">Contact</a>");
        Server.Html(domain, "/contact", $"jane@{domain}");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.AreEqual($"{domain}'s robots.txt does not allow its pages to be read", verdict.Detail.ToString());
        CollectionAssert.AreEqual(new[] { "/robots.txt" }, Server.PathsRequested(domain));
    }

    [TestMethod]
    public async Task A_robots_group_for_the_product_wins_over_the_star_group()
    {
        string domain = Sites.NewDomain("picky");
        Server.Text(domain, "/robots.txt", "User-agent: *\nDisallow: /\n\nUser-agent: OutreachAdvisor\nDisallow: /team\nAllow: /\n", "text/plain");
        Server.Html(domain, "/", "<a href=\"/team\">Team</a> <a href=\"/contact\">Contact</a>");
        Server.Html(domain, "/team", $"jane@{domain}");
        Server.Html(domain, "/contact", "<p>Call us</p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status, verdict.Detail.ToString());
        CollectionAssert.DoesNotContain(Server.PathsRequested(domain), "/team", "robots.txt keeps us off /team");
        CollectionAssert.Contains(Server.PathsRequested(domain), "/contact");
    }

    [TestMethod]
    public async Task A_robots_txt_that_fails_with_a_server_error_means_nothing_is_read()
    {
        string domain = Sites.NewDomain("broken");
        Server.Status(domain, "/robots.txt", 503);
        Server.Html(domain, "/", $"jane@{domain}");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.AreEqual("discovery/robots-disallow", verdict.Detail.Id);
        Assert.IsEmpty(Sites.PagesRequested(domain));
    }

    [TestMethod]
    public async Task A_site_that_redirects_to_a_private_address_is_refused()
    {
        string domain = Sites.NewDomain("rebind");
        Server.Redirect(domain, "/", "http://10.0.0.1/contact");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.AreEqual($"{domain}'s pages could not be read (refused: redirect to http://10.0.0.1/contact (10.0.0.1 is a private address))", verdict.Detail.ToString());
    }

    [TestMethod]
    public async Task A_domain_that_resolves_to_a_private_address_is_refused_before_any_connection()
    {
        string domain = Sites.NewDomain("internal");
        Sites.Resolver.Map(domain, System.Net.IPAddress.Parse("192.168.1.10")).Map("www." + domain, System.Net.IPAddress.Parse("169.254.169.254"));

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        StringAssert.Contains(verdict.Detail.ToString(), "resolves to 192.168.1.10, a private address");
        Assert.AreEqual(0, Sites.AllRequests(domain));
    }

    [TestMethod]
    public async Task A_slow_site_is_given_up_at_the_budget()
    {
        string domain = Sites.NewDomain("slow");
        Server.Handle(domain, "/robots.txt", async context => await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(budget: TimeSpan.FromMilliseconds(600)), $"jane@{domain}");

        clock.Stop();
        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.AreEqual($"{domain}'s site did not answer within 0.6 s", verdict.Detail.ToString());
        Assert.IsLessThan(5_000L, clock.ElapsedMilliseconds, "the budget, not the server, decides when the look-up ends");
    }

    [TestMethod]
    public async Task Pages_read_before_the_budget_runs_out_still_count()
    {
        string domain = Sites.NewDomain("halfslow");
        Server.Html(domain, "/", "<a href=\"/contact\">Contact</a>");
        Server.Handle(domain, "/contact", async context => await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(budget: TimeSpan.FromMilliseconds(800)), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status, verdict.Detail.ToString());
        Assert.AreEqual(1, verdict.PagesRead);
    }

    [TestMethod]
    public async Task A_page_over_the_size_limit_is_not_read()
    {
        string domain = Sites.NewDomain("huge");
        Server.Html(domain, "/", "<a href=\"/staff\">Staff</a>");
        Server.Html(domain, "/staff", new string('x', 1_100_000) + $" jane@{domain}");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status, "the address past the first megabyte is never seen");
        Assert.AreEqual(1, verdict.PagesRead, "only the home page was read");
        CollectionAssert.Contains(Sites.PagesRequested(domain), "/staff");
    }

    [TestMethod]
    public async Task At_most_eight_pages_of_a_domain_are_read()
    {
        string domain = Sites.NewDomain("big");
        string[] paths = ["/contact", "/contacts", "/team", "/people", "/staff", "/about", "/press", "/imprint", "/impressum", "/redazione", "/chi-siamo", "/ufficio-stampa", "/media", "/newsroom"];
        Server.Html(domain, "/", string.Concat(paths.Select(p => $"<a href=\"{p}\">{p}</a>")));
        foreach (string path in paths)
            Server.Html(domain, path, "<p>Nobody listed here.</p>");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status);
        Assert.AreEqual(8, verdict.PagesRead);
        Assert.HasCount(8, Sites.PagesRequested(domain));
        CollectionAssert.AreEquivalent(new[] { "/contact", "/contacts" }, Sites.PagesRequested(domain)[1..3], "contact pages are read first, after the home page (two at a time)");
        Assert.IsLessThanOrEqualTo(10, Sites.AllRequests(domain), "8 pages, robots.txt and one sitemap");
    }

    [TestMethod]
    public async Task Links_to_other_sites_are_not_followed()
    {
        string domain = Sites.NewDomain("linker");
        string other = Sites.NewDomain("elsewhere");
        Server.Html(domain, "/", $"<a href=\"{Sites.Url(other, "/contact")}\">Contact</a>");
        Server.Html(other, "/contact", $"jane@{domain}");

        FoundAtVerdict verdict = await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status);
        Assert.AreEqual(0, Sites.AllRequests(other));
    }

    [TestMethod]
    public async Task A_second_check_of_a_recipient_makes_no_fetch()
    {
        string domain = Sites.NewDomain("cached");
        Server.Html(domain, "/", "<a href=\"/contatti\">Contatti</a>");
        Server.Html(domain, "/contatti", $"jane@{domain}");
        var clock = new ManualClock(DateTimeOffset.Parse("2026-12-01T09:00:00Z", CultureInfo.InvariantCulture));
        SiteDiscovery discovery = Sites.Discovery(clock: clock);

        FoundAtVerdict first = await DiscoverOne(discovery, $"jane@{domain}");
        int requests = Sites.AllRequests(domain);
        clock.Advance(TimeSpan.FromHours(23));
        FoundAtVerdict second = await DiscoverOne(discovery, $"Jane@{domain.ToUpperInvariant()}");

        Assert.AreEqual(FoundAtStatus.Listed, first.Status);
        Assert.AreEqual(first, second);
        Assert.AreEqual(requests, Sites.AllRequests(domain), "the cached verdict answered");

        clock.Advance(TimeSpan.FromHours(2));
        await DiscoverOne(discovery, $"jane@{domain}");
        Assert.IsGreaterThan(requests, Sites.AllRequests(domain), "after 24 hours the site is read again");
    }

    [TestMethod]
    public async Task A_verdict_about_the_whole_site_answers_for_every_address_at_the_domain()
    {
        string domain = Sites.NewDomain("closed");
        Server.Text(domain, "/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain");
        SiteDiscovery discovery = Sites.Discovery();

        await DiscoverOne(discovery, $"jane@{domain}");
        FoundAtVerdict other = await DiscoverOne(discovery, $"marco@{domain}");

        Assert.AreEqual("discovery/robots-disallow", other.Detail.Id);
        Assert.AreEqual(1, Sites.AllRequests(domain));
    }

    [TestMethod]
    public async Task A_look_up_that_outlasts_the_wait_is_still_looking_and_the_next_check_finds_it()
    {
        string domain = Sites.NewDomain("later");
        Server.Handle(domain, "/", async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700), context.RequestAborted);
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($"<p>jane@{domain}</p>", context.RequestAborted);
        });
        SiteDiscovery discovery = Sites.Discovery();

        IReadOnlyList<FoundAtVerdict> first = await discovery.DiscoverAsync([$"jane@{domain}"], TimeSpan.FromMilliseconds(100), Token);
        Assert.AreEqual($"still looking on {domain}'s pages; check again in a moment", first[0].Detail.ToString());
        await discovery.WhenIdleAsync();
        int requests = Sites.AllRequests(domain);
        IReadOnlyList<FoundAtVerdict> next = await discovery.DiscoverAsync([$"jane@{domain}"], TimeSpan.FromMilliseconds(100), Token);

        Assert.AreEqual(FoundAtStatus.Listed, next[0].Status, next[0].Detail.ToString());
        Assert.AreEqual(requests, Sites.AllRequests(domain));
    }

    [TestMethod]
    public async Task Several_addresses_at_one_domain_share_one_look_up()
    {
        string domain = Sites.NewDomain("shared");
        Server.Html(domain, "/", "<a href=\"/team\">Team</a>");
        Server.Html(domain, "/team", $"<p>jane@{domain}</p><p>marco@{domain}</p>");
        SiteDiscovery discovery = Sites.Discovery();

        IReadOnlyList<FoundAtVerdict> verdicts = await discovery.DiscoverAsync([$"jane@{domain}", $"marco@{domain}", $"anna@{domain}"], TimeSpan.FromSeconds(10), Token);

        CollectionAssert.AreEqual(new[] { FoundAtStatus.Listed, FoundAtStatus.Listed, FoundAtStatus.NotListed }, verdicts.Select(v => v.Status).ToArray());
        Assert.AreEqual(2, Sites.PagesRequested(domain).Length);
    }

    [TestMethod]
    public async Task At_most_three_domains_are_looked_up_per_check_and_the_next_check_takes_the_others()
    {
        string[] domains = Enumerable.Range(0, 5).Select(i => Sites.NewDomain("many")).ToArray();
        foreach (string domain in domains)
            Server.Html(domain, "/", $"jane@{domain}");
        SiteDiscovery discovery = Sites.Discovery();
        string[] addresses = domains.Select(d => $"jane@{d}").ToArray();

        IReadOnlyList<FoundAtVerdict> first = await discovery.DiscoverAsync(addresses, TimeSpan.FromSeconds(10), Token);
        int[] untouched = [Sites.AllRequests(domains[3]), Sites.AllRequests(domains[4])];
        IReadOnlyList<FoundAtVerdict> second = await discovery.DiscoverAsync(addresses, TimeSpan.FromSeconds(10), Token);

        Assert.AreEqual(3, first.Count(v => v.Status == FoundAtStatus.Listed));
        Assert.AreEqual("not looked up yet: at most 3 organisations' sites are searched per check; check again to look at the others", first[4].Detail.ToString());
        CollectionAssert.AreEqual(new[] { 0, 0 }, untouched);
        Assert.IsTrue(second.All(v => v.Status == FoundAtStatus.Listed));
    }

    [TestMethod]
    public async Task Made_up_addresses_cannot_make_one_site_searched_without_end()
    {
        string domain = Sites.NewDomain("target");
        Server.Html(domain, "/", "<p>Hello</p>");
        var discovery = new SiteDiscovery(Sites.Fetcher(), options: Sites.Options() with { MaxLookupsPerDomainPerDay = 3 });

        for (int i = 0; i < 3; i++)
            await DiscoverOne(discovery, $"made-up{i}@{domain}");
        int requests = Sites.AllRequests(domain);
        FoundAtVerdict fourth = await DiscoverOne(discovery, $"made-up9@{domain}");

        Assert.AreEqual($"not looked up: {domain}'s site has been searched 3 times today", fourth.Detail.ToString());
        Assert.AreEqual(requests, Sites.AllRequests(domain));
    }

    [TestMethod]
    public async Task A_webmail_address_is_never_looked_up()
    {
        SiteDiscovery discovery = Sites.Discovery();
        int lookups = Sites.Resolver.Lookups.Count;

        FoundAtVerdict verdict = await DiscoverOne(discovery, "someone@gmail.com");

        Assert.AreEqual("discovery/webmail", verdict.Detail.Id);
        Assert.AreEqual(lookups, Sites.Resolver.Lookups.Count, "not even a DNS look-up");
    }

    [TestMethod]
    public async Task Every_discovery_request_names_the_product()
    {
        string domain = Sites.NewDomain("agent");
        Server.Html(domain, "/", "hi");

        await DiscoverOne(Sites.Discovery(), $"jane@{domain}");

        Assert.IsTrue(Server.Requests.Where(r => r.Host == domain).All(r => r.UserAgent.StartsWith("OutreachAdvisor/", StringComparison.Ordinal)));
    }

    private async Task<FoundAtVerdict> DiscoverOne(SiteDiscovery discovery, string address)
    {
        IReadOnlyList<FoundAtVerdict> verdicts = await discovery.DiscoverAsync([address], TimeSpan.FromSeconds(10), Token);
        return verdicts.Single();
    }
}
