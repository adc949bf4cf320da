using ChatPay.Domain.Dossiers;

namespace ChatPay.Domain.Storage;

/// <summary>Events other systems (the public service portal) are told about, written in the step that caused them.</summary>
public interface IIntegrationEvents
{
    void Publish(DossierPaid paid);
}
