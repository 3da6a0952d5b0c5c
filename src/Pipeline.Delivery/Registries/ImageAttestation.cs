namespace Pipeline.Delivery;

/// <summary>What an attestation says about an image: how it was built, or what it contains.</summary>
public enum AttestationKind
{
    /// <summary>SLSA build provenance (<c>actions/attest-build-provenance</c>).</summary>
    Provenance,

    /// <summary>A software bill of materials (SPDX, made by <c>anchore/sbom-action</c>, attested by <c>actions/attest-sbom</c>).</summary>
    Sbom,
}

/// <summary>
/// An attestation a merge makes in GitHub Actions for the manifest list it pushed, signed with the
/// job's OIDC token and stored with the image: <c>ImageAttestation.Provenance(ShopImages.Api)</c>.
/// Declaring one gives that job the steps and the <c>id-token: write</c> and <c>attestations: write</c>
/// permissions; a local run has no OIDC token and makes none.
/// </summary>
public sealed record ImageAttestation(string ImageName, AttestationKind Kind)
{
    public static ImageAttestation Provenance(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(image.Name, AttestationKind.Provenance);
    }

    public static ImageAttestation Sbom(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(image.Name, AttestationKind.Sbom);
    }

    /// <summary>The output holding the image's repository (<c>ghcr.io/acme/api</c>), the attestation's subject name.</summary>
    internal static Output<string> SubjectOf(string imageName) => new($"The repository of {imageName}, for its attestations", OutputStem(imageName) + "Subject");

    /// <summary>The output holding the digest of the image's manifest list, the attestation's subject digest.</summary>
    internal static Output<string> DigestOf(string imageName) => new($"The manifest list digest of {imageName}, for its attestations", OutputStem(imageName) + "Digest");

    /// <summary><c>shop/api-gateway</c> → <c>ImageShopApiGateway</c>: output names are letters and digits.</summary>
    private static string OutputStem(string imageName) =>
        "Image" + string.Concat(imageName.Split(['/', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
