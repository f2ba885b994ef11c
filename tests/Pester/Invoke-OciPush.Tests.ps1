#Requires -Version 7.2
# Invoke-OciPush on Docker and Podman: the pushed digest pulls back, per-layer progress, credentials from -Credential or
# from a login, refused without, no secret anywhere, -WhatIf.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix push
    function New-PushTag([string] $To = $Registry) { "$To/pushtests/own:t-" + [guid]::NewGuid().ToString('N').Substring(0, 12) }
    # Pushes start from an image of the test's own: Podman rewrites the manifest on push and records the new digest on
    # the image it pushed, which must never be a shared one such as $Small.
    function Import-PushImage([string] $Tag, $Connection) {
        $file = New-TestArchive -Tag $Tag -Labels @{ 'oci.pushtests' = [guid]::NewGuid().ToString('N') }
        try { $null = Import-OciImage $file -Connection $Connection -ErrorAction Stop }
        finally { Remove-Item $file }
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Invoke-OciPush' {
    It 'pushes from <Name> to the open registry, writes the digest the registry stored, and the image pulls back by it' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $tag = New-PushTag
        Import-PushImage $tag $c
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { param($e, $t) $x = Connect-OciEngine -Endpoint $e; Invoke-OciPush $t -Connection $x } @{ e = $c.Endpoint; t = $tag }
            $r.Errors.Count | Should -Be 0
            $image = $r.Output[0]
            $image.Digest | Should -Match '^sha256:[0-9a-f]{64}$'
            $image.Reference | Should -Be $tag
            $image.Connection.Endpoint | Should -Be $c.Endpoint
            @($r.Progress | Where-Object Activity -eq "Pushing $tag").Count | Should -BeGreaterThan 0
            $r.Progress[-1].RecordType | Should -Be 'Completed'
            $byDigest = ($tag -replace ':[^:/]+$', '') + "@$($image.Digest)"
            Remove-OciImage $tag -Connection $c
            (Invoke-OciPull $byDigest -Connection $c).Data.Id | Should -Be $image.Id
        }
        finally { $rs.Dispose() }
    }

    It 'pushes to the authenticated registry with -Credential, is Oci.Unauthorized without, and never shows the password' {
        $tag = New-PushTag $AuthRegistry
        Import-PushImage $tag $docker
        $box = New-TestSandbox
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { param($e, $t) $x = Connect-OciEngine -Endpoint $e; Invoke-OciPush $t -Connection $x } @{ e = $Endpoint; t = $tag }
            $r.Errors[0].FullyQualifiedErrorId | Should -Be 'Oci.Unauthorized,Oci.PowerShell.InvokeOciPush'
            $r.Errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $r.Errors[0].TargetObject | Should -Be $tag
            $r = Invoke-InRunspace $rs { param($e, $t) $x = Connect-OciEngine -Endpoint $e; Invoke-OciPush $t -Connection $x -Credential (New-TestCredential) -Verbose } @{ e = $Endpoint; t = $tag }
            $r.Errors.Count | Should -Be 0
            $r.Output[0].Digest | Should -Match '^sha256:'
            Get-StreamText $r | Should -Not -Match ([regex]::Escape($AuthPassword))
        }
        finally { $rs.Dispose(); Remove-TestSandbox $box; Remove-OciImage $tag -Connection $docker -ErrorAction SilentlyContinue }
    }

    It 'pushes images piped from Get-OciImage from the engine each came from; -WhatIf pushes nothing' {
        $tag = New-PushTag
        Import-PushImage $tag $podman
        try {
            $text = Get-WhatIfText { Get-OciImage $tag -Connection $podman | Invoke-OciPush -WhatIf }
            $text | Should -BeLike "*What if: Performing the operation ""Push image"" on target ""$tag on push-podman*"
            $pushed = Get-OciImage $tag -Connection $podman | Invoke-OciPush
            $pushed.Connection | Should -Be $podman
            $pushed.Digest | Should -Match '^sha256:'
        }
        finally { Remove-OciImage $tag -Connection $podman -ErrorAction SilentlyContinue }
    }

    It 'a missing image is a non-terminating Oci.ImageNotFound; a digest is Oci.InvalidReference' {
        $missing = New-PushTag
        Invoke-OciPush $missing -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.InvokeOciPush'
        $ev[0].TargetObject | Should -Be $missing
        { Invoke-OciPush "$Registry/x@sha256:$('a' * 64)" -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidReference,Oci.PowerShell.InvokeOciPush'
    }
}

Describe 'Invoke-OciPush and Connect-OciRegistry on a plain-text remote engine' {
    BeforeEach {
        $box = New-TestSandbox
        $fake = [Oci.Tests.Pester.FakeEngine]::new([Oci.Tests.Pester.FakeEngine]::NonLoopbackAddress())
        $rs = New-TestRunspace
        $r = Invoke-InRunspace $rs { param($e) $global:c = Connect-OciEngine -Endpoint $e } @{ e = $fake.Endpoint }
        $r.AllErrors.Count | Should -Be 0
    }

    AfterEach {
        $rs.Dispose()
        $fake.Dispose()
        Remove-TestSandbox $box
    }

    It 'refuses to send the credential of a <Command> without -AllowUnencryptedAuthentication, sending nothing' -ForEach @(
        @{ Command = 'push'; Script = { Invoke-OciPush "$AuthRegistry/private:latest" -Credential (New-TestCredential) -Connection $c }; Id = 'InvokeOciPush'; Path = '/push' }
        @{ Command = 'login'; Script = { Connect-OciRegistry $AuthRegistry -Credential (New-TestCredential) -Connection $c }; Id = 'ConnectOciRegistry'; Path = '/auth' }
    ) {
        $r = Invoke-InRunspace $rs $Script
        $r.AllErrors.Count | Should -Be 1
        $r.AllErrors[0].FullyQualifiedErrorId | Should -Be "Oci.InvalidArgument,Oci.PowerShell.$Id"
        "$($r.AllErrors[0])" | Should -BeLike '*-AllowUnencryptedAuthentication*'
        @($fake.Requests | Where-Object { $_.Line.Contains($Path) }).Count | Should -Be 0
        Get-StreamText $r | Should -Not -Match ([regex]::Escape($AuthPassword))
    }
}
