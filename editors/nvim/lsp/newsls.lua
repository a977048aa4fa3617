-- newsls for Neovim ≥ 0.11: `vim.lsp.enable('newsls')`.
-- Override any field with `vim.lsp.config('newsls', { ... })`.
---@type vim.lsp.Config
return {
  cmd = { 'newsls' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'newsls.toml', '.git' },
  -- Options the server reads (see `:help newsls-settings`); empty means
  -- newsls.toml decides.
  init_options = {},
}
