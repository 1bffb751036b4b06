using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Detection;

/// <summary>Written fresh for these tests (the corpus's language set measures; docs/quality.md has the numbers).</summary>
[TestClass]
public sealed class LanguageDetectionTests
{
    [TestMethod]
    [DataRow("¿Te parece bien si lo hablamos el jueves con calma?", "es")]
    [DataRow("Buenas tardes, le escribo de parte de la agencia para confirmar la cita.", "es")]
    [DataRow("Você poderia me mandar o orçamento até amanhã?", "pt")]
    [DataRow("Não sei se recebeste a minha mensagem de ontem.", "pt")]
    [DataRow("Mulțumesc frumos pentru ajutor, ne vedem săptămâna viitoare.", "ro")]
    [DataRow("Kun je me morgen even bellen over het contract?", "nl")]
    [DataRow("Dank je wel voor de snelle reactie!", "nl")]
    public void Languages_close_to_italian_or_english_are_not_taken_for_them(string text, string expected)
    {
        string detected = LanguageDetector.Detect(text);
        Assert.IsFalse(detected is "en" or "it", $"{text} read as {detected}");
        Assert.IsTrue(detected == expected || detected == LanguageDetector.Undetermined, detected);
    }

    [TestMethod]
    [DataRow("Hi Paul, could you send me the draft of the chapter before we meet on Monday?", "en")]
    [DataRow("Ciao Paolo, mi mandi la bozza del capitolo prima di vederci lunedì?", "it")]
    [DataRow("Gentile Dott.ssa Ferri, Le scrivo per chiederLe un breve colloquio sul progetto di ricerca.", "it")]
    public void English_and_italian_are_still_recognised(string text, string expected) =>
        Assert.AreEqual(expected, LanguageDetector.Detect(text));
}
