#Requires -Version 7.2
# Remove-OciImage on Docker and Podman: by reference, by id, from the pipeline to the engine each image came from,
# -WhatIf, -Force, -PassThru, errors per target.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix rmimage

    function New-LocalTag {
        # A tag of the small image that only this test uses, in the engine $c.
        param($c)
        $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop
        $tag = "$Registry/rmtests/small:t-" + [guid]::NewGuid().ToString('N').Substring(0, 12)
        $null = Invoke-OciRequest TAG $Small -Parameters @{ tag = $tag } -Connection $c -ErrorAction Stop
        $tag
    }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Remove-OciImage' {
    It 'untags a reference on <Name>, and -PassThru says what went' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $tag = New-LocalTag $c
        $removal = Remove-OciImage $tag -Connection $c -PassThru
        $removal.GetType().FullName | Should -Be 'Oci.OciImageRemoval'
        $removal.Untagged | Should -Contain $tag
        $removal.Connection | Should -Be $c
        @(Get-OciImage $tag -Connection $c -ErrorAction SilentlyContinue).Count | Should -Be 0
        @(Get-OciImage $Small -Connection $c).Count | Should -Be 1 -Because 'the image keeps its other tags'
    }

    It 'removes images piped from Get-OciImage from the engine each came from' {
        $dTag = New-LocalTag $docker
        $pTag = New-LocalTag $podman
        $images = @(Get-OciImage "$Registry/rmtests/*" -Connection $docker, $podman | Where-Object { $_.Tags -contains $dTag -or $_.Tags -contains $pTag })
        $images.Count | Should -Be 2
        # By id an image with other tags needs -Force; by reference (the tag, as Name) each tag goes alone, from its own engine.
        $images | ForEach-Object { [pscustomobject]@{ Name = @($_.Tags | Where-Object { $_ -in $dTag, $pTag })[0]; Connection = $_.Connection } } |
            Remove-OciImage
        @(Get-OciImage $dTag -Connection $docker -ErrorAction SilentlyContinue).Count | Should -Be 0
        @(Get-OciImage $pTag -Connection $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'binds Id and Connection by property name: an image in use by several tags needs -Force' {
        $tag = New-LocalTag $docker
        $image = Get-OciImage $tag -Connection $docker
        $image | Remove-OciImage -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.Conflict,Oci.PowerShell.RemoveOciImage'
        $ev[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $ev[0].TargetObject | Should -Be $image.Id
        @(Get-OciImage $tag -Connection $docker).Count | Should -Be 1 -Because 'nothing was removed'
        $image | Remove-OciImage -Force
        @(Get-OciImage -Id $image.Id -Connection $docker -ErrorAction SilentlyContinue).Count | Should -Be 0
        $null = Invoke-OciPull $Small -Connection $docker # the shared image is back for the other tests
    }

    It '-WhatIf removes nothing and says what would go where' {
        $tag = New-LocalTag $podman
        # The What if: line goes to the host: read it from a transcript of this session.
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) "oci-whatif-$([guid]::NewGuid().ToString('N')).txt"
        Start-Transcript -Path $transcript | Out-Null
        try { $out = @(Remove-OciImage $tag -Connection $podman -WhatIf -PassThru) } finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        Remove-Item $transcript
        $out.Count | Should -Be 0
        $text | Should -BeLike "*What if: Performing the operation ""Remove image"" on target ""$tag on rmimage-podman*"
        @(Get-OciImage $tag -Connection $podman).Count | Should -Be 1
        Remove-OciImage $tag -Connection $podman
    }

    It 'a target that fails is a non-terminating error and the next one is still removed' {
        $tag = New-LocalTag $docker
        $missing = "$Registry/rmtests/none:t-" + [guid]::NewGuid().ToString('N').Substring(0, 12)
        Remove-OciImage $missing, $tag -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.RemoveOciImage'
        $ev[0].TargetObject | Should -Be $missing
        @(Get-OciImage $tag -Connection $docker -ErrorAction SilentlyContinue).Count | Should -Be 0
        { Remove-OciImage 'Bad/Reference' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidReference,Oci.PowerShell.RemoveOciImage'
    }
}
