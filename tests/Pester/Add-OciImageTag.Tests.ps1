#Requires -Version 7.2
# Add-OciImageTag on Docker and Podman: several tags at once, from the pipeline to each image's engine, -WhatIf, errors per target.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix addtag
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop }
    function New-TagName { "$Registry/tagtests/small:t-" + [guid]::NewGuid().ToString('N').Substring(0, 12) }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Add-OciImageTag' {
    It 'adds several tags at once on <Name>, and -PassThru writes the image under each with its connection' -ForEach @(@{ Name = 'Docker' }, @{ Name = 'Podman' }) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $one, $two = (New-TagName), (New-TagName)
        $out = @(Add-OciImageTag $Small -Tag $one, $two -Connection $c -PassThru)
        try {
            $out.Count | Should -Be 2
            $out.Reference | Should -Be @($one, $two)
            $out | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciImage'; $_.Connection | Should -Be $c }
            (Get-OciImage $Small -Connection $c).Id | Should -Be $out[0].Id
            @(Get-OciImage $one, $two -Connection $c).Count | Should -Be 2
        }
        finally { Remove-OciImage $one, $two -Connection $c -ErrorAction SilentlyContinue }
    }

    It 'tags images piped from Get-OciImage on the engine each came from (Id and Connection by property name)' {
        $tag = New-TagName
        Get-OciImage $Small -Connection $docker, $podman | Add-OciImageTag -Tag $tag
        try {
            @(Get-OciImage $tag -Connection $docker).Count | Should -Be 1
            @(Get-OciImage $tag -Connection $podman).Count | Should -Be 1
        }
        finally { Remove-OciImage $tag -Connection $docker, $podman -ErrorAction SilentlyContinue }
    }

    It '-WhatIf tags nothing and says what would be tagged where' {
        $tag = New-TagName
        $text = Get-WhatIfText { Add-OciImageTag $Small -Tag $tag -Connection $podman -WhatIf }
        $text | Should -BeLike "*What if: Performing the operation ""Tag image as $tag"" on target ""$Small on addtag-podman*"
        @(Get-OciImage $tag -Connection $podman -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a missing image is a non-terminating Oci.ImageNotFound and the next one is still tagged; a bad tag is Oci.InvalidReference' {
        $tag = New-TagName
        $missing = "$Registry/tagtests/none:t-" + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Add-OciImageTag $missing, $Small -Tag $tag -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        try {
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.AddOciImageTag'
            $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $ev[0].TargetObject | Should -Be $missing
            @(Get-OciImage $tag -Connection $docker).Count | Should -Be 1
            { Add-OciImageTag $Small -Tag 'Bad/Tag' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidReference,Oci.PowerShell.AddOciImageTag'
        }
        finally { Remove-OciImage $tag -Connection $docker -ErrorAction SilentlyContinue }
    }
}
