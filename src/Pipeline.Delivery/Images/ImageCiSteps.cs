namespace Pipeline.Delivery;

/// <summary>The CI steps the image targets add to their jobs: emulation for foreign platforms, attestations of merged lists.</summary>
internal static class ImageCiSteps
{
    /// <summary>The platform of GitHub's hosted Linux runners: any other declared platform needs emulation there.</summary>
    public static Platform RunnerPlatform { get; } = Platform.LinuxAmd64;

    /// <summary>
    /// QEMU, so <c>docker build --platform</c> runs a foreign platform's commands, and Buildx. With
    /// <c>use: false</c> the engine's own builder stays the one <c>docker build</c> uses: it puts each
    /// platform's image into the engine, where the build saves it for the push.
    /// </summary>
    public static IEnumerable<CiStep> Emulation(IEnumerable<ContainerImage> images)
    {
        var foreign = images.SelectMany(i => i.Platforms).Where(p => p != RunnerPlatform).Distinct().ToList();
        if (foreign.Count == 0)
        {
            yield break;
        }

        yield return CiStep.Action("Set up QEMU", "docker/setup-qemu-action", ("platforms", string.Join(',', foreign)));
        yield return CiStep.Action("Set up Docker Buildx", "docker/setup-buildx-action", ("use", "false"));
    }

    /// <summary>
    /// Per attested image: a provenance attestation and/or an SPDX SBOM of the list, each signed with the
    /// job's OIDC token (<c>id-token: write</c>) and stored with GitHub and the registry (<c>attestations: write</c>).
    /// </summary>
    public static IEnumerable<CiStep> Attestations(IEnumerable<ImageAttestation> attestations)
    {
        foreach (var attestation in attestations.Distinct())
        {
            var subject = ImageAttestation.SubjectOf(attestation.ImageName);
            var digest = ImageAttestation.DigestOf(attestation.ImageName);
            if (attestation.Kind == AttestationKind.Provenance)
            {
                yield return CiStep.Action($"Attest the build provenance of {attestation.ImageName}", "actions/attest-build-provenance").AfterBuild()
                    .WithInput("subject-name", subject).WithInput("subject-digest", digest).WithInput("push-to-registry", "true")
                    .Needs(CiTokenGrant.IdTokenWrite, CiTokenGrant.AttestationsWrite);
                continue;
            }

            var file = $"sbom-{attestation.ImageName.Replace('/', '-')}.spdx.json";
            yield return CiStep.Action($"Make the SBOM of {attestation.ImageName}", "anchore/sbom-action").AfterBuild()
                .WithInput("image", subject).WithInput("format", "spdx-json").WithInput("output-file", file).WithInput("upload-artifact", "false");
            yield return CiStep.Action($"Attest the SBOM of {attestation.ImageName}", "actions/attest-sbom").AfterBuild()
                .WithInput("subject-name", subject).WithInput("subject-digest", digest).WithInput("sbom-path", file).WithInput("push-to-registry", "true")
                .Needs(CiTokenGrant.IdTokenWrite, CiTokenGrant.AttestationsWrite);
        }
    }
}
