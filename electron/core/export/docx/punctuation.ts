/** The punctuation rules moved to the model (model/punctuation.ts), so the preview prints what the DOCX prints. */
export * from '../../model/punctuation';
