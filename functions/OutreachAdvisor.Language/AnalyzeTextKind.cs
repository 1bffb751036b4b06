
namespace OutreachAdvisor.Language;

/// <summary>The analyze-text task kinds this client calls (values as documented).</summary>
public static class AnalyzeTextKind
{
    public const string LanguageDetection = "LanguageDetection";
    public const string EntityRecognition = "EntityRecognition";
    public const string KeyPhraseExtraction = "KeyPhraseExtraction";
    public const string PiiEntityRecognition = "PiiEntityRecognition";
}
