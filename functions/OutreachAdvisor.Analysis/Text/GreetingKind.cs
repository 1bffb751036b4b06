
namespace OutreachAdvisor.Analysis.Text;

public enum GreetingKind
{
    /// <summary>"Dear Jane," "Ciao Marco," or just "Jane,".</summary>
    Named,
    /// <summary>"Dear _ __," "Dear [Name]," "Hi {{first_name}}," "Caro ___," "Dear ,".</summary>
    Placeholder,
    /// <summary>"Dear Sir or Madam," "To whom it may concern," "Gentile Signore/Signora," "Hi there," "Hello,".</summary>
    Impersonal,
}
