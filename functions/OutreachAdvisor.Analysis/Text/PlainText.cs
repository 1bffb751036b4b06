using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>The body as plain text, the string every evidence offset points into.</summary>
public static class PlainText
{
    public static string Of(MessageInput message) =>
        message.BodyFormat == BodyFormat.Html ? HtmlText.ToPlainText(message.Body) : message.Body;
}
