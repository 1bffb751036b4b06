
namespace OutreachAdvisor.Analysis.Text;

/// <summary>How an impersonal greeting names nobody, which decides when it is a problem.</summary>
public enum ImpersonalKind
{
    /// <summary>A formula that could open a mail to anyone: "Dear Sir or Madam", "To whom it may concern", "Spettabile Ditta".</summary>
    Formula,
    /// <summary>A greeting to a group: "Hi all", "Ciao a tutti" - right when the mail goes to several people.</summary>
    Group,
    /// <summary>A greeting with no name: "Hi,", "Hello there,", "Buongiorno,", "Dear Professor," - fine to someone you know.</summary>
    Bare,
}
