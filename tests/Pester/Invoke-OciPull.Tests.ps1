#Requires -Version 7.2
# Invoke-OciPull binding, typed output, errors, -WhatIf.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    $Sha256 = '^sha256:[0-9a-f]{64}$'
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Invoke-OciPull' {
    BeforeEach {
        Disconnect-OciEngine -All
        $c = Connect-TestEngine
    }

    It 'pulls a string from the pipeline into a response with a typed image' {
        $r = @($Small | Invoke-OciPull)
        $r.Count | Should -Be 1
        $resp = $r[0]
        $resp.GetType().FullName | Should -Be 'Oci.OciResponse'
        $resp.Method | Should -Be 'PULL'
        "$($resp.Kind)" | Should -Be 'Image'
        $resp.Target | Should -Be $Small
        $resp.Engine | Should -Be 'Docker'
        $resp.Endpoint | Should -Be $Endpoint
        $resp.Status | Should -Not -BeNullOrEmpty
        $image = $resp.Data
        $image.GetType().FullName | Should -Be 'Oci.OciImage'
        $image.Id | Should -Match $Sha256
        $image.Digest | Should -Match $Sha256
        $image.Reference | Should -Be $Small
        $image.Tags | Should -Contain $Small
        (Invoke-OciRequest -Method INSPECT -Target $Small).Data.Id | Should -Be $image.Id
    }

    It 'binds objects with a Reference property by property name' {
        $r = @([pscustomobject]@{ Reference = $Small }, [pscustomobject]@{ Reference = $Small10; Other = 1 } | Invoke-OciPull)
        @($r | ForEach-Object Target) | Should -Be @($Small, $Small10)
        $r | ForEach-Object { $_.Data.GetType().FullName | Should -Be 'Oci.OciImage' }
    }

    It 'takes a reference array by parameter and by position, one response each in order' {
        @(Invoke-OciPull -Reference $Small10, $Small | ForEach-Object Target) | Should -Be @($Small10, $Small)
        @(Invoke-OciPull $Small | ForEach-Object Target) | Should -Be @($Small)
    }

    It 'pulls with -Platform' {
        $arch = (Invoke-OciRequest -Method VERSION).Data.Architecture
        $r = Invoke-OciPull $Small -Platform "linux/$arch"
        $r.Data.Architecture | Should -Be $arch
        $r.Data.Os | Should -Be 'linux'
        $err = { Invoke-OciPull $Small -Platform 'not a platform!' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.InvokeOciPull' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'pulls with an explicit -Connection when there is no default' {
        $x = Connect-TestEngine -Name explicit
        $d = Connect-TestEngine -Name default
        Disconnect-OciEngine -Connection $d
        (Invoke-OciPull $Small -Connection $x).Target | Should -Be $Small
        { Invoke-OciPull $Small -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.NoConnection,Oci.PowerShell.InvokeOciPull'
    }

    It 'a bad reference is an InvalidReference error (category InvalidArgument) on that reference' {
        $err = { Invoke-OciPull -Reference 'Not A Valid/Ref!!' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.InvalidReference,Oci.PowerShell.InvokeOciPull' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'Not A Valid/Ref!!'
    }

    It 'a missing image is an ObjectNotFound error on that reference' {
        $missing = "$Registry/nosuch-image:latest"
        $err = { Invoke-OciPull -Reference $missing -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull' -ExpectedMessage '*nosuch-image*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be $missing
    }

    It 'a stopped registry is a ConnectionError on that reference' {
        $err = { Invoke-OciPull -Reference "$StoppedRegistry/small:latest" -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.RegistryUnavailable,Oci.PowerShell.InvokeOciPull' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.TargetObject | Should -Be "$StoppedRegistry/small:latest"
    }

    It 'an error on one piped reference is non-terminating and the next is still pulled' {
        $out = @($Small, "$Registry/nosuch-image:latest", "$StoppedRegistry/small:latest", $Small10 | Invoke-OciPull -ErrorVariable errs -ErrorAction SilentlyContinue)
        @($out | ForEach-Object Target) | Should -Be @($Small, $Small10)
        @($errs | ForEach-Object FullyQualifiedErrorId) | Should -Be @('Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull', 'Oci.RegistryUnavailable,Oci.PowerShell.InvokeOciPull')
        @($errs | ForEach-Object { "$($_.TargetObject)" }) | Should -Be @("$Registry/nosuch-image:latest", "$StoppedRegistry/small:latest")
    }

    It '-ErrorAction Stop makes the error terminating' {
        $r = try { "$Registry/nosuch-image:latest", $Small | Invoke-OciPull -ErrorAction Stop; 'not reached' } catch { 'caught ' + $_.FullyQualifiedErrorId }
        $r | Should -Be 'caught Oci.ImageNotFound,Oci.PowerShell.InvokeOciPull'
    }

    It '-WhatIf pulls nothing' {
        $unique = New-TestImageTag small
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) "oci-whatif-$([guid]::NewGuid().ToString('N')).txt"
        $rs = New-TestRunspace
        try {
            $null = Connect-InRunspace $rs
            $r = Invoke-InRunspace $rs { param($u) Invoke-OciPull -Reference $u -WhatIf } @{ u = $unique }
            $r.Errors | Should -BeNullOrEmpty
            $r.Output.Count | Should -Be 0
            $r.Progress.Count | Should -Be 0
        }
        finally { $rs.Dispose() }
        # The What if: line goes to the host: read it from a transcript of this (hosted) session.
        Start-Transcript -Path $transcript | Out-Null
        try { Invoke-OciPull -Reference $unique -WhatIf } finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        Remove-Item $transcript
        $text | Should -BeLike '*What if:*'
        $text | Should -BeLike "*$unique*"

        $err = { Invoke-OciRequest -Method INSPECT -Target $unique -ErrorAction Stop } |
            Should -Throw -ErrorId 'Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'

        (Invoke-OciPull -Reference $unique).Target | Should -Be $unique
        (Invoke-OciRequest -Method REMOVE -Target $unique).Status | Should -BeIn @('Untagged', 'Deleted')
    }
}
