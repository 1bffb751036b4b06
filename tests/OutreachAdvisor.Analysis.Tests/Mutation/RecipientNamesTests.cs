using System.Text.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The names a recipient can be greeted by (RecipientNames, read by personal-greeting and right-recipient):
/// the words of the display name and the address, the first name to suggest, and which greeting names can
/// be theirs (shared words, short forms, words inside the address), with role inboxes never a person.
/// </summary>
[TestClass]
public sealed class RecipientNamesTests
{
    private static EmailAddress To(string name, string address) => new(name, address);

    [TestMethod]
    public void Tokens_are_the_name_s_words_and_the_address_s_parts_folded()
    {
        CollectionAssert.AreEqual(new[] { "nicolo", "bianchi", "nicolo", "bianchi" }, RecipientNames.Tokens(To("Nicolò Bianchi", "nicolo.bianchi@studio.example")).ToArray());
        CollectionAssert.AreEqual(new[] { "jane", "doe", "work" }, RecipientNames.Tokens(To("", "jane_doe-work+x@shape.example")).ToArray(), "parts of two letters or more, digits dropped");
        CollectionAssert.AreEqual(new[] { "ann" }, RecipientNames.Tokens(To("", "ann42@lee.example")).ToArray());
        Assert.IsEmpty(RecipientNames.Tokens(To("   ", "j.k@lee.example")), "one-letter parts say nothing");
    }

    [TestMethod]
    [DataRow("info")]
    [DataRow("Redazione")]
    [DataRow("no-reply")]
    [DataRow("careers")]
    public void A_role_inbox_gives_no_words_and_no_first_name(string local)
    {
        EmailAddress role = To("", local + "@outlet.example");
        Assert.IsEmpty(RecipientNames.Tokens(role));
        Assert.IsNull(RecipientNames.FirstName(role));
        CollectionAssert.AreEqual(new[] { "press", "office" }, RecipientNames.Tokens(To("Press Office", local + "@outlet.example")).ToArray(), "a display name still counts");
    }

    [TestMethod]
    [DataRow("Jane Doe", "x@shape.example", "Jane")]
    [DataRow("\"Doe, Jane\"", "x@shape.example", "Jane")]
    [DataRow("'Marco Rossi'", "x@shape.example", "Marco")]
    [DataRow("Doe,", "x@shape.example", "Doe")]
    [DataRow("jane doe", "x@shape.example", null)]
    [DataRow("", "jane.doe@shape.example", "Jane")]
    [DataRow("", "MARCO_rossi@studio.example", "Marco")]
    [DataRow("", "giulia-bianchi@agenzia.example", "Giulia")]
    [DataRow("", "jdoe@shape.example", null)]
    [DataRow("", "j.doe@shape.example", null)]
    [DataRow("", "j4ne.doe@shape.example", null)]
    [DataRow("", ".doe@shape.example", null)]
    public void The_first_name_comes_from_the_display_name_then_the_address(string name, string address, string? expected) =>
        Assert.AreEqual(expected, RecipientNames.FirstName(To(name, address)));

    [TestMethod]
    public void Only_a_single_To_recipient_gives_a_first_name_for_the_message()
    {
        Assert.AreEqual("Jane", RecipientNames.OnlyToFirstName(Build.Message("Hi", to: [Build.Jane])));
        Assert.IsNull(RecipientNames.OnlyToFirstName(Build.Message("Hi", to: [Build.Jane, Build.Ann])));
        Assert.AreEqual("Jane", RecipientNames.OnlyToFirstName(Build.Message("Hi", to: [Build.Jane], cc: [Build.Ann])), "Cc readers are not greeted");
    }

    private static bool CanName(string greeting, string name, string address)
    {
        EmailAddress recipient = To(name, address);
        return RecipientNames.CanName(greeting, recipient, RecipientNames.Tokens(recipient));
    }

    [TestMethod]
    [DataRow("Jane", "Jane Doe", "x@shape.example", "a shared word")]
    [DataRow("Ms Doe", "Jane Doe", "x@shape.example", "any word of the greeting")]
    [DataRow("Nicolò", "", "nicolo.bianchi@studio.example", "accents folded")]
    [DataRow("Alex", "Alexandra Stone", "x@stone.example", "a short form that starts the name")]
    [DataRow("Alexandra", "Alex Stone", "x@stone.example", "a name the short form starts")]
    [DataRow("Tom", "Thomas Hill", "x@hill.example", "a short form from the list")]
    [DataRow("Beppe", "Giuseppe Verdi", "x@verdi.example", "an Italian short form")]
    [DataRow("Kate", "Kathryn Bell", "x@bell.example", "one of a short form's names")]
    [DataRow("Doe", "", "jdoe@shape.example", "a word inside the address")]
    public void A_greeting_name_can_be_the_recipient_s(string greeting, string name, string address, string why) =>
        Assert.IsTrue(CanName(greeting, name, address), why);

    [TestMethod]
    [DataRow("Mark", "Jane Doe", "x@shape.example", "another name")]
    [DataRow("Al", "Alexandra Stone", "x@stone.example", "two letters are not a short form")]
    [DataRow("Jo", "", "jdoe@shape.example", "nor a word inside the address")]
    [DataRow("J", "Jane Doe", "x@shape.example", "one letter is nothing")]
    [DataRow("Tom", "Tobias Hill", "x@hill.example", "a short form of someone else")]
    [DataRow("Thomas", "Tom Hill", "x@hill.example", "the list goes from short to full only")]
    [DataRow("Kate", "Mary Bell", "x@bell.example", "")]
    public void A_greeting_name_of_someone_else_cannot(string greeting, string name, string address, string why) =>
        Assert.IsFalse(CanName(greeting, name, address), why);

    [TestMethod]
    public void Short_forms_are_read_from_the_word_list_in_lower_case()
    {
        using Stream stream = typeof(RecipientNames).Assembly.GetManifestResourceStream("OutreachAdvisor.Analysis.Lexicons.recipient-names.json")!;
        using var document = JsonDocument.Parse(stream);
        foreach (JsonProperty form in document.RootElement.GetProperty("shortForms").EnumerateObject())
        {
            Assert.AreEqual(RecipientNames.Fold(form.Name), form.Name);
            foreach (string full in form.Value.EnumerateArray().Select(e => e.GetString()!))
            {
                Assert.AreEqual(RecipientNames.Fold(full), full);
                Assert.IsTrue(CanName(char.ToUpperInvariant(form.Name[0]) + form.Name[1..], char.ToUpperInvariant(full[0]) + full[1..] + " Hill", "x@hill.example"), $"{form.Name} for {full}");
            }
        }
        string[] roles = document.RootElement.GetProperty("roleMailboxes").EnumerateArray().Select(e => e.GetString()!).ToArray();
        CollectionAssert.AllItemsAreUnique(roles);
        Assert.IsTrue(roles.All(r => RecipientNames.Tokens(To("", r + "@outlet.example")).Count == 0), "every role inbox gives no words");
    }
}
