namespace OutreachAdvisor.Analysis.Messages;

/// <summary>One text in each language the product is written in.</summary>
public sealed record LocalizedText(string En, string It)
{
    public string In(string language) => language == "it" ? It : En;
}
