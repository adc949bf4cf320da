namespace ChatPay.Domain.Dossiers;

/// <summary>How many unknown dossier codes one chat may try in a window: room for typos, too little to enumerate codes.</summary>
public sealed record CodeLookupRules(int MaxMisses, TimeSpan Window);
