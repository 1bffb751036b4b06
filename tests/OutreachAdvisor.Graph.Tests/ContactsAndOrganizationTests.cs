namespace OutreachAdvisor.Graph.Tests;

[TestClass]
public sealed class ContactsAndOrganizationTests
{
    private const string Jane = "jane@shape.example";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Contact_found_with_the_documented_filter_and_cached()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Contacts.Add(Jane);
        GraphMailbox mailbox = host.Mailbox();

        bool first = await mailbox.IsContactAsync(Jane, TestContext.CancellationToken);
        bool second = await mailbox.IsContactAsync("Jane@Shape.example", TestContext.CancellationToken);

        Assert.IsTrue(first);
        Assert.IsTrue(second);
        FakeRequest request = host.To("/me/contacts").Single();
        Assert.AreEqual("emailAddresses/any(a:a/address eq 'jane@shape.example')", request["$filter"]);
        Assert.AreEqual("id", request["$select"]);
    }

    [TestMethod]
    public async Task Contact_not_found()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Contacts.Add("someone@else.example");

        Assert.IsFalse(await host.Mailbox().IsContactAsync(Jane, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Contact_filter_escapes_apostrophes()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Contacts.Add("o'brien@x.example");

        Assert.IsTrue(await host.Mailbox().IsContactAsync("o'brien@x.example", TestContext.CancellationToken));
        Assert.AreEqual("emailAddresses/any(a:a/address eq 'o''brien@x.example')", host.To("/me/contacts").Single()["$filter"]);
    }

    [TestMethod]
    public async Task Organization_domains_come_from_verified_domains()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();

        IReadOnlyCollection<string> domains = await host.Mailbox().GetOrganizationDomainsAsync(FakeGraph.Me, TestContext.CancellationToken);

        // organization-get.json lists one verified domain, "Contoso.com".
        CollectionAssert.AreEqual(new[] { "contoso.com" }, domains.ToArray());
        Assert.AreEqual("verifiedDomains", host.To("/organization").Single()["$select"]);
    }

    [TestMethod]
    public async Task Forbidden_organization_falls_back_to_the_sender_domain()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = r => r.Path == "/v1.0/organization"
            ? FakeResponse.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
            : null;

        IReadOnlyCollection<string> domains = await host.Mailbox().GetOrganizationDomainsAsync("Ann@Lee.Example", TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { "lee.example" }, domains.ToArray());
    }

    [TestMethod]
    public async Task Forbidden_organization_for_a_webmail_sender_is_empty()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = r => r.Path == "/v1.0/organization"
            ? FakeResponse.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
            : null;

        IReadOnlyCollection<string> domains = await host.Mailbox().GetOrganizationDomainsAsync("ann@gmail.com", TestContext.CancellationToken);

        Assert.IsEmpty(domains);
    }
}
