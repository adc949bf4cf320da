using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Receipts;
using ChatPay.Bot.Storage.Records;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// The collecting unit's digital signature on each receipt: its XML (<see cref="ReceiptXml"/>) signed with XML-DSig
/// (enveloped, RSA-SHA256, exclusive C14N, the certificate in KeyInfo) — the way Vietnam's e-invoices and e-receipts are
/// signed, so the tax authority's and the province's tools read it. A receipt is sealed once, the first time its page,
/// download or verification is asked for (seconds after it is issued, when its payer opens it), with its agency's
/// certificate, and the signed document is kept with the certificate's thumbprint: a later change of certificate (a
/// renewal) re-signs nothing, and what was signed before stays valid.
/// </summary>
public sealed class ReceiptSeals(IRecordTables tables, ReceiptCertificates certificates)
{
    public const string Collection = "receipt_seals";

    public sealed class Seal
    {
        /// <summary>The receipt's id.</summary>
        public string Id { get; set; } = "";
        public string Xml { get; set; } = "";
        public DateTimeOffset SignedAt { get; set; }

        /// <summary>The signing certificate's thumbprint (empty for seals made before it was kept).</summary>
        public string Thumbprint { get; set; } = "";

        public bool SelfSigned { get; set; }
    }

    /// <summary>What checking a signed document found.</summary>
    public sealed record Verdict(bool Valid, string Signer, DateTimeOffset? NotAfter, bool SelfSigned);

    private readonly IRecordTable<Seal> _seals = tables.Table<Seal>(Collection, s => s.Id);

    public Seal For(Receipt receipt)
    {
        if (_seals.Get(receipt.Id) is { } sealedBefore) return sealedBefore;
        var signer = certificates.For(receipt.AgencyCode);
        var seal = new Seal
        {
            Id = receipt.Id, Xml = Sign(ReceiptXml.Of(receipt), signer.Certificate), SignedAt = DateTimeOffset.UtcNow,
            Thumbprint = signer.Certificate.Thumbprint, SelfSigned = signer.SelfSigned,
        };
        // Two first requests at once: the first stored wins, and both answer with it.
        return _seals.Add(seal);
    }

    private static string Sign(XmlDocument document, X509Certificate2 cert)
    {
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
    /// Whether <paramref name="xml"/> is a receipt signed by a collecting unit's certificate and unchanged since; and, given
    /// the stored receipt, whether it says what the receipt says and was signed by its unit's certificate — the one now, or
    /// the one recorded when it was sealed.
    /// </summary>
    public Verdict Verify(string xml, Receipt? receipt = null)
    {
        var refused = new Verdict(false, "", null, false);
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException)
        {
            return refused;
        }
        var signatures = document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (document.DocumentElement is not { LocalName: ReceiptXml.Root, NamespaceURI: ReceiptXml.Namespace } || signatures.Count != 1) return refused;
        var signed = new SignedXml(document);
        signed.LoadXml((XmlElement)signatures[0]!);
        var signer = signed.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(d => (d.Certificates ?? new System.Collections.ArrayList()).Cast<X509Certificate2>()).FirstOrDefault();
        // Only a unit's own certificate counts: a document re-signed with any other key is not its receipt.
        if (signer is null || Trusted(receipt).FirstOrDefault(t => t.Thumbprint == signer.Thumbprint) is not { Thumbprint.Length: > 0 } trusted) return refused;
        var valid = signed.CheckSignature(signer, verifySignatureOnly: true)
            && signed.SignedInfo!.References.Count == 1 && ((Reference)signed.SignedInfo.References[0]!).Uri == ""
            && (receipt is null || SameContent(document, receipt));
        return new Verdict(valid, signer.GetNameInfo(X509NameType.SimpleName, forIssuer: false), signer.NotAfter, trusted.SelfSigned);
    }

    private IEnumerable<(string Thumbprint, bool SelfSigned)> Trusted(Receipt? receipt)
    {
        if (receipt is null)
        {
            foreach (var any in certificates.All()) yield return (any.Certificate.Thumbprint, any.SelfSigned);
            yield break;
        }
        var now = certificates.For(receipt.AgencyCode);
        yield return (now.Certificate.Thumbprint, now.SelfSigned);
        if (_seals.Get(receipt.Id) is { Thumbprint.Length: > 0 } seal) yield return (seal.Thumbprint, seal.SelfSigned);
    }

    /// <summary>
    /// The signed content without its signature, against the receipt's own content now — compared canonically, since an
    /// empty element (a unit without a tax code yet) may be written &lt;a/&gt; or &lt;a&gt;&lt;/a&gt; and means the same.
    /// </summary>
    private static bool SameContent(XmlDocument signed, Receipt receipt)
    {
        var copy = (XmlDocument)signed.Clone();
        foreach (var signature in copy.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl).Cast<XmlNode>().ToList()) signature.ParentNode!.RemoveChild(signature);
        return Canonical(copy).AsSpan().SequenceEqual(Canonical(ReceiptXml.Of(receipt)));
    }

    private static byte[] Canonical(XmlDocument document)
    {
        var transform = new XmlDsigExcC14NTransform();
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var bytes = new MemoryStream();
        output.CopyTo(bytes);
        return bytes.ToArray();
    }
}
