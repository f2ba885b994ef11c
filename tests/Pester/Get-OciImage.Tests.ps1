#Requires -Version 7.2
# Get-OciImage on Docker and Podman: lists, filters, ids, several engines at once, objects that remember their engine,
# errors, completion.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix getimage
    foreach ($c in $docker, $podman) { $null = Invoke-OciPull $Small -Connection $c -ErrorAction Stop }
}

AfterAll {
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciImage' {
    It 'lists the images of <Name> as OciImage objects that carry their connection' -ForEach @(
        @{ Name = 'Docker' }, @{ Name = 'Podman' }
    ) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $images = @(Get-OciImage -Connection $c)
        $images.Count | Should -BeGreaterThan 0
        $images | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciImage' }
        $small = @($images | Where-Object { $_.Tags -contains $Small })
        $small.Count | Should -Be 1
        $small[0].Connection | Should -Be $c
        $small[0].Id | Should -Match '^sha256:[0-9a-f]{64}$'
        $small[0].Repository | Should -Be "$Registry/small"
        "$($small[0].Repository):$($small[0].Tag)" | Should -Be $small[0].Reference -Because 'Repository and Tag split the image''s reference'
    }

    It 'filters by reference on both engines alike, with wildcards' {
        foreach ($c in $docker, $podman) {
            @(Get-OciImage $Small -Connection $c).Tags | Should -Contain $Small
            @(Get-OciImage "$Registry/smal*" -Connection $c | ForEach-Object Tags) | Should -Contain $Small
            @(Get-OciImage "$Registry/nothing-here-*" -Connection $c).Count | Should -Be 0
        }
    }

    It 'reads several engines at once, piped or given, and says which engine each image is on' {
        $piped = @(Get-OciConnection | Get-OciImage $Small)
        @($piped | ForEach-Object { $_.Connection.Name } | Sort-Object) | Should -Be @('getimage-docker', 'getimage-podman')
        $given = @(Get-OciImage $Small -Connection $podman, $docker)
        @($given | ForEach-Object { $_.Connection.Engine }) | Should -Be @('Podman', 'Docker')
        $text = Get-OciImage $Small -Connection $docker, $podman | Out-String -Width 200
        $text | Should -Match 'Connection: getimage-docker \(Docker '
        $text | Should -Match 'Connection: getimage-podman \(Podman '
    }

    It 'gets an image by id, full or short, from the engine that has it' {
        $image = Get-OciImage $Small -Connection $docker
        $byId = @(Get-OciImage -Id $image.Id -Connection $docker)
        $byId.Id | Should -Be $image.Id
        @(Get-OciImage -Id $image.ShortId -Connection $docker).Id | Should -Be $image.Id
        @($image | Get-OciImage).Id | Should -Be $image.Id -Because 'Id binds by property name'
    }

    It 'a literal name or id no engine has is a non-terminating Oci.ImageNotFound naming it; a pattern that matches nothing is no error' {
        $out = Get-OciImage "$Registry/no-such-image", $Small -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1 -Because 'the pipeline goes on after the missing name'
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.GetOciImage'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ev[0].TargetObject | Should -Be "$Registry/no-such-image"
        Get-OciImage -Id ('sha256:' + 'f' * 64) -Connection $docker, $podman -ErrorVariable idErr -ErrorAction SilentlyContinue
        $idErr.Count | Should -Be 1 -Because 'one error for the id, not one per engine'
        $idErr[0].FullyQualifiedErrorId | Should -Be 'Oci.ImageNotFound,Oci.PowerShell.GetOciImage'
        Get-OciImage "$Registry/none*" -Connection $docker -ErrorVariable none
        $none.Count | Should -Be 0
    }

    It 'a malformed filter is Oci.InvalidArgument; a closed connection is Oci.ConnectionClosed and the others still answer' {
        { Get-OciImage 'bad filter!' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.GetOciImage'
        $closed = Connect-OciEngine -Endpoint $Endpoint -Name getimage-closed
        $closed | Disconnect-OciEngine
        $out = Get-OciImage $Small -Connection $closed, $podman -ErrorVariable ev -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ConnectionClosed,Oci.PowerShell.GetOciImage'
        $ev[0].TargetObject | Should -Be $closed
    }

    It 'without any connection fails with Oci.NoConnection' {
        $rs = New-TestRunspace
        try {
            $r = Invoke-InRunspace $rs { Get-OciImage }
            $r.AllErrors[-1].FullyQualifiedErrorId | Should -Be 'Oci.NoConnection,Oci.PowerShell.GetOciImage'
        }
        finally { $rs.Dispose() }
    }

    It 'filters by label and dangling on both engines alike' {
        $label = [guid]::NewGuid().ToString('N')
        $tag = "$Registry/getimagetests/img:" + $label.Substring(0, 10)
        $images = foreach ($c in $docker, $podman) {
            foreach ($n in 1, 2) {
                $file = New-TestArchive -Tag $tag -Labels @{ 'oci.test.get' = $label; n = "$n" }
                Import-OciImage $file -Connection $c
                Remove-Item $file
            }
        }
        try {
            foreach ($c in $docker, $podman) {
                @(Get-OciImage -Label "oci.test.get=$label" -All -Connection $c).Count | Should -Be 2
                $dangling = @(Get-OciImage -Label "oci.test.get=$label" -Dangling -Connection $c)
                $dangling.Count | Should -Be 1
                $dangling[0].Tags.Count | Should -Be 0
                @(Get-OciImage -Label "oci.test.get=$label" -Dangling:$false -Connection $c).Tags | Should -Be @($tag)
            }
            { Get-OciImage -Before 'Bad/Ref' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidReference,Oci.PowerShell.GetOciImage'
        }
        finally { $images | Remove-OciImage -Force -ErrorAction SilentlyContinue }
    }

    It 'completes -Name with the tags the engines have, with a tooltip' {
        $line = "Get-OciImage -Connection `$podman $Registry/sma"
        $null = TabExpansion2 $line $line.Length # the first completion in a process also loads and compiles the listing path
        $completions = (TabExpansion2 $line $line.Length).CompletionMatches
        $completions.CompletionText | Should -Contain $Small
        ($completions | Where-Object CompletionText -eq $Small).ToolTip | Should -Match '^[0-9a-f]{12}, '
    }
}
