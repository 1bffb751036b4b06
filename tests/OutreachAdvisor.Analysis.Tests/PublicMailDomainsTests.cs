using System.Text.Json;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>Which domains are public webmail (so never anyone's organisation or outlet), read from Lexicons/mail-domains.json.</summary>
[TestClass]
public sealed class PublicMailDomainsTests
{
    [TestMethod]
    [DataRow("gmail.com")]
    [DataRow("GMail.COM")]
    [DataRow(" libero.it. ")]
    [DataRow("protonmail.ch")]
    [DataRow("gmx.de")]
    [DataRow("yahoo.co.uk")]
    [DataRow("hotmail.it")]
    [DataRow("gmail.example")]
    [DataRow("virgilio.example")]
    public void Webmail_domains_are_public(string domain) => Assert.IsTrue(PublicMailDomains.Contains(domain), domain);

    [TestMethod]
    [DataRow("acme.com")]
    [DataRow("mail.acme.example")]
    [DataRow("gmail.com.acme.example")]
    [DataRow("yahoo.co.uk.example")]
    [DataRow("mail.gmail.example")]
    [DataRow("gmailer.com")]
    [DataRow("me.company.com")]
    [DataRow("")]
    public void Company_domains_and_look_alikes_are_not(string domain) => Assert.IsFalse(PublicMailDomains.Contains(domain), domain);

    [TestMethod]
    public void The_list_file_holds_lower_case_names_once_each()
    {
        using Stream stream = typeof(PublicMailDomains).Assembly.GetManifestResourceStream("OutreachAdvisor.Analysis.Lexicons.mail-domains.json")!;
        using var document = JsonDocument.Parse(stream);
        foreach (string list in new[] { "exact", "anyCountry", "brands" })
        {
            string[] names = document.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.IsTrue(names.Length > 0, list);
            CollectionAssert.AllItemsAreUnique(names, list);
            foreach (string name in names)
            {
                Assert.AreEqual(name.Trim().ToLowerInvariant(), name, $"{list}: {name}");
                Assert.IsTrue(PublicMailDomains.Contains(list == "exact" ? name : name + ".example"), $"{list}: {name}");
            }
        }
    }
}
