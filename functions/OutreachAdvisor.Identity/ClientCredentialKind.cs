
namespace OutreachAdvisor.Identity;

internal enum ClientCredentialKind
{
    None,
    ClientSecret,
    FederatedManagedIdentity,
}
