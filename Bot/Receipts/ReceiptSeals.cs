using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Receipts;
using LiteDB;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// The collecting unit's digital signature on each receipt: its XML (<see cref="ReceiptXml"/>) signed with XML-DSig
/// (enveloped, RSA-SHA256, exclusive C14N, the certificate in KeyInfo) — the way Vietnam's e-invoices and e-receipts are
/// signed, so the tax authority's and the province's tools read it. A receipt is sealed once, the first time its page,
/// download or verification is asked for (seconds after it is issued, when its payer opens it), and the signed document
/// is kept: a later change of certificate re-signs nothing.
/// </summary>
public sealed class ReceiptSeals(LiteDbStore store, ReceiptCertificate certificate)
{
    private const string Collection = "receipt_seals";

    public sealed class Seal
    {
        /// <summary>The receipt's id.</summary>
        public string Id { get; set; } = "";
        public string Xml { get; set; } = "";
        public DateTimeOffset SignedAt { get; set; }
    }

    /// <summary>What checking a signed document found.</summary>
    public sealed record Verdict(bool Valid, string Signer, DateTimeOffset? NotAfter, bool SelfSigned);

    public Seal For(Receipt receipt)
    {
        if (store.Collection<Seal>(Collection).FindById(receipt.Id) is { } sealedBefore) return sealedBefore;
        var seal = new Seal { Id = receipt.Id, Xml = Sign(ReceiptXml.Of(receipt)), SignedAt = DateTimeOffset.UtcNow };
        // Two first requests at once: the first stored wins, and both answer with it.
        return store.WriteDirect(db =>
        {
            var seals = db.GetCollection<Seal>(Collection);
            if (seals.FindById(receipt.Id) is { } stored) return stored;
            seals.Insert(seal);
            return seal;
        });
    }

    private string Sign(XmlDocument document)
    {
        var cert = certificate.Certificate;
        var signed = new SignedXml(document) { SigningKey = cert.GetRSAPrivateKey() };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        signed.KeyInfo = new KeyInfo();
        signed.KeyInfo.AddClause(new KeyInfoX509Data(cert));
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        return document.OuterXml;
    }

    /// <summary>
    /// Whether <paramref name="xml"/> is a receipt signed by this unit's certificate and unchanged since; and, given the
    /// stored receipt, whether it says what the receipt says.
    /// </summary>
    public Verdict Verify(string xml, Receipt? receipt = null)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException)
        {
            return new Verdict(false, "", null, certificate.SelfSigned);
        }
        var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (document.DocumentElement is not { LocalName: ReceiptXml.Root, NamespaceURI: ReceiptXml.Namespace } || signatures.Count != 1)
            return new Verdict(false, "", null, certificate.SelfSigned);
        var signed = new SignedXml(document);
        signed.LoadXml((XmlElement)signatures[0]!);
        var signer = signed.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(d => (d.Certificates ?? new System.Collections.ArrayList()).Cast<X509Certificate2>()).FirstOrDefault();
        var ours = certificate.Certificate;
        // Only this unit's own certificate counts: a document re-signed with any other key is not its receipt.
        var valid = signer is not null && signer.Thumbprint == ours.Thumbprint && signed.CheckSignature(ours, verifySignatureOnly: true)
            && signed.SignedInfo!.References.Count == 1 && ((Reference)signed.SignedInfo.References[0]!).Uri == ""
            && (receipt is null || SameContent(document, receipt));
        return new Verdict(valid, ours.GetNameInfo(X509NameType.SimpleName, forIssuer: false), ours.NotAfter, certificate.SelfSigned);
    }

    /// <summary>The signed content without its signature, against the receipt's own content now.</summary>
    private static bool SameContent(XmlDocument signed, Receipt receipt)
    {
        var copy = (XmlDocument)signed.Clone();
        foreach (var signature in copy.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl).Cast<XmlNode>().ToList()) signature.ParentNode!.RemoveChild(signature);
        return copy.OuterXml == ReceiptXml.Of(receipt).OuterXml;
    }
}
